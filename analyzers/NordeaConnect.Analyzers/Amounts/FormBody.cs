using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace NordeaConnect.Analyzers.Amounts;

/// <summary>
/// Form bodies and query strings glued by hand: <c>"payment_ref=" + reference + "&amp;amount=" + total</c>,
/// <c>$"...&amp;amount={total}"</c>, <c>string.Concat(...)</c>, or <c>builder.Append("&amp;amount=").Append(total)</c>. The
/// value after a piece of text that ends with <c>key=</c> is the value of that field.
/// </summary>
internal static class FormBody
{
    /// <summary>The form key whose value <paramref name="value"/> is, when the text right before it ends with <c>key=</c>.</summary>
    public static bool TryGetKey(IOperation value, KnownTypes types, out string key)
    {
        key = string.Empty;
        var preceding = PrecedingText(value, types);
        return preceding is not null && TryReadKey(preceding, out key);
    }

    /// <summary>Every (key, value) pair of the hand-glued bodies under <paramref name="root"/>, and the pairs written out in the text itself.</summary>
    public static IEnumerable<(string Key, IOperation? Value, string? Constant)> ReadPairs(IOperation root, KnownTypes types)
    {
        foreach (var operation in root.DescendantsAndSelf())
        {
            List<IOperation>? pieces = null;
            switch (operation)
            {
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add, Type.SpecialType: SpecialType.System_String } binary
                    when binary.Parent is not IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } && !binary.ConstantValue.HasValue:
                    pieces = new List<IOperation>();
                    Flatten(binary, pieces);
                    break;

                case IInterpolatedStringOperation interpolated:
                    pieces = interpolated.Parts.Select(PartValue).Where(p => p is not null).Select(p => p!).ToList();
                    break;

                case IInvocationOperation { TargetMethod: { Name: "Concat", IsStatic: true, ContainingType.SpecialType: SpecialType.System_String } } concat:
                    pieces = NumberFormatting.ExpandArguments(concat);
                    break;
            }

            if (pieces is null)
            {
                continue;
            }

            for (var i = 0; i < pieces.Count; i++)
            {
                if (!pieces[i].TryGetConstantString(out var text))
                {
                    continue;
                }

                foreach (var (key, constant) in WrittenPairs(text))
                {
                    yield return (key, null, constant);
                }

                if (i + 1 < pieces.Count && TryReadKey(text, out var open))
                {
                    yield return (open, pieces[i + 1], null);
                }
            }
        }
    }

    /// <summary>The value or text of one part of an interpolated string, whether or not it goes through a handler.</summary>
    private static IOperation? PartValue(IInterpolatedStringContentOperation part) => part switch
    {
        IInterpolationOperation hole => hole.Expression,
        IInterpolatedStringTextOperation text => text.Text,
        IInterpolatedStringAppendOperation { AppendCall: IInvocationOperation { Arguments.Length: > 0 } call } => call.Arguments[0].Value,
        _ => null,
    };

    private static void Flatten(IOperation operation, List<IOperation> pieces)
    {
        var value = operation.WithoutConversions();
        if (value is IBinaryOperation { OperatorKind: BinaryOperatorKind.Add, Type.SpecialType: SpecialType.System_String } binary && !binary.ConstantValue.HasValue)
        {
            Flatten(binary.LeftOperand, pieces);
            Flatten(binary.RightOperand, pieces);
            return;
        }

        pieces.Add(value);
    }

    /// <summary>"&amp;currency=sek&amp;test=true&amp;hash=": the complete pairs inside one piece of text.</summary>
    private static IEnumerable<(string Key, string Constant)> WrittenPairs(string text)
    {
        foreach (var segment in text.Split('&', '?'))
        {
            var equals = segment.IndexOf('=');
            if (equals > 0 && equals < segment.Length - 1 && IsKey(segment.Substring(0, equals)))
            {
                yield return (segment.Substring(0, equals), segment.Substring(equals + 1));
            }
        }
    }

    private static bool TryReadKey(string text, out string key)
    {
        key = string.Empty;
        if (text.Length < 2 || text[text.Length - 1] != '=')
        {
            return false;
        }

        var start = text.LastIndexOfAny(new[] { '&', '?', ' ', '"', '\n' }, text.Length - 2) + 1;
        key = text.Substring(start, text.Length - 1 - start);
        return IsKey(key);
    }

    private static bool IsKey(string key) =>
        key.Length > 0 && key.All(c => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c is '_' or '[' or ']');

    /// <summary>The constant text glued right before <paramref name="value"/>, if any.</summary>
    private static string? PrecedingText(IOperation value, KnownTypes types)
    {
        var parent = value.ParentSkippingConversions(out var child);
        switch (parent)
        {
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } binary when ReferenceEquals(binary.RightOperand, child):
                return RightmostText(binary.LeftOperand);

            case IInterpolationOperation hole when hole.Parent is IInterpolatedStringOperation interpolated:
                var index = interpolated.Parts.IndexOf(hole);
                return index > 0 && PartValue(interpolated.Parts[index - 1]) is { } text && text.TryGetConstantString(out var before) ? before : null;

            case IArgumentOperation { Parent: IInvocationOperation invocation } when invocation.TargetMethod is { Name: "Concat", IsStatic: true, ContainingType.SpecialType: SpecialType.System_String }:
                var values = NumberFormatting.ExpandArguments(invocation);
                var at = values.FindIndex(v => ReferenceEquals(v, child) || ReferenceEquals(v.WithoutConversions(), value));
                return at > 0 && values[at - 1].TryGetConstantString(out var previous) ? previous : null;

            case IArgumentOperation { Parent: IInvocationOperation { TargetMethod.Name: "Append" } append } when KnownTypes.Is(append.TargetMethod.ContainingType, types.StringBuilder):
                return PrecedingAppend(append);

            default:
                return null;
        }
    }

    private static string? RightmostText(IOperation operation)
    {
        var value = operation.WithoutConversions();
        if (value.TryGetConstantString(out var text))
        {
            return text;
        }

        return value is IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } binary ? RightmostText(binary.RightOperand) : null;
    }

    /// <summary><c>b.Append("&amp;amount=").Append(x)</c>, or <c>b.Append("&amp;amount="); b.Append(x);</c> on the same builder.</summary>
    private static string? PrecedingAppend(IInvocationOperation append)
    {
        if (append.Instance is IInvocationOperation { TargetMethod.Name: "Append", Arguments.Length: 1 } chained)
        {
            return chained.Arguments[0].Value.TryGetConstantString(out var text) ? text : null;
        }

        if (append.Instance is not ILocalReferenceOperation builder)
        {
            return null;
        }

        IOperation? previous = null;
        foreach (var operation in append.GetRoot().DescendantsAndSelf())
        {
            if (operation is IInvocationOperation { TargetMethod.Name: "Append", Arguments.Length: 1 } other
                && other.Syntax.SpanStart < append.Syntax.SpanStart
                && other.Instance is ILocalReferenceOperation otherBuilder
                && SymbolEqualityComparer.Default.Equals(otherBuilder.Local, builder.Local)
                && (previous is null || other.Syntax.SpanStart > previous.Syntax.SpanStart))
            {
                previous = other;
            }
        }

        // The last value appended before this one, following its chain to the end.
        if (previous is null)
        {
            return null;
        }

        var last = previous;
        while (last.Parent is IInvocationOperation { TargetMethod.Name: "Append", Arguments.Length: 1 } outer && ReferenceEquals(outer.Instance, last))
        {
            last = outer;
        }

        return ((IInvocationOperation)last).Arguments[0].Value.TryGetConstantString(out var lastText) ? lastText : null;
    }
}
