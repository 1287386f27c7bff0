using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using NordeaConnect.Analyzers.Amounts;

namespace NordeaConnect.Analyzers.Hashes;

/// <summary>
/// Takes apart the text a hash is computed over into the pieces it was glued from: <c>+</c>, interpolation,
/// <c>string.Concat</c>, <c>string.Join("", ...)</c>, a <c>StringBuilder</c>, and locals built from any of these.
/// </summary>
internal static class HashInputReader
{
    private const int MaxDepth = 4;

    public static List<IOperation> ReadPieces(IOperation text, KnownTypes types, SentRequestValues? sent = null)
    {
        var pieces = new List<IOperation>();
        Read(text, types, pieces, depth: 0, sent);
        return pieces;
    }

    private static void Read(IOperation operation, KnownTypes types, List<IOperation> pieces, int depth, SentRequestValues? sent)
    {
        var value = operation.WithoutConversions();
        if (value.TryGetConstantString(out var constant) && constant.Length == 0)
        {
            return;
        }

        switch (value)
        {
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add, Type.SpecialType: SpecialType.System_String } concatenation
                when !concatenation.ConstantValue.HasValue:
                Read(concatenation.LeftOperand, types, pieces, depth, sent);
                Read(concatenation.RightOperand, types, pieces, depth, sent);
                return;

            case IInterpolatedStringOperation interpolated:
                foreach (var content in interpolated.Parts)
                {
                    if (content is IInterpolationOperation hole)
                    {
                        pieces.Add(hole.Expression);
                    }
                    else if (content is IInterpolatedStringTextOperation { Text: { } text } && text.TryGetConstantString(out var segment) && segment.Length > 0)
                    {
                        pieces.Add(text);
                    }
                }

                return;

            case IInvocationOperation invocation when IsConcat(invocation):
                foreach (var argument in NumberFormatting.ExpandArguments(invocation))
                {
                    Read(argument, types, pieces, depth, sent);
                }

                return;

            case IInvocationOperation invocation when IsCompositeFormat(invocation) && ReadFormat(invocation, types, pieces, depth, sent):
                return;

            case IInvocationOperation invocation when IsJoinOfKnownItems(invocation, out var separator, out var items):
                // string.Join(":", new[] { a, b }) hashes a + ":" + b; an empty separator adds nothing.
                for (var i = 0; i < items.Count; i++)
                {
                    if (i > 0 && separator is not null)
                    {
                        pieces.Add(separator);
                    }

                    Read(items[i], types, pieces, depth, sent);
                }

                return;

            case IInvocationOperation { TargetMethod.Name: "ToString", Arguments.Length: 0, Instance: ILocalReferenceOperation builder }
                when KnownTypes.Is(builder.Type, types.StringBuilder) && depth < MaxDepth:
                ReadBuilder(builder.Local, value.GetRoot(), types, pieces, depth + 1, sent);
                return;

            case ILocalReferenceOperation { Type.SpecialType: SpecialType.System_String } local when depth < MaxDepth && TryReadLocal(local, types, pieces, depth + 1, sent):
                return;

            default:
                pieces.Add(value);
                return;
        }
    }

    /// <summary>
    /// The items of <c>string.Format(provider, "{0}{1}{2:0.00}", a, b, c)</c> in the order the format places them. Text
    /// between the items (a separator) becomes one piece: the format string itself.
    /// </summary>
    private static bool ReadFormat(IInvocationOperation invocation, KnownTypes types, List<IOperation> pieces, int depth, SentRequestValues? sent)
    {
        var values = NumberFormatting.ExpandArguments(invocation);
        var formatIndex = values[0].WithoutConversions().Type?.SpecialType != SpecialType.System_String ? 1 : 0;
        if (values.Count <= formatIndex || !values[formatIndex].TryGetConstantString(out var format))
        {
            return false;
        }

        var order = new List<int>();
        var hasText = false;
        var i = 0;
        while (i < format.Length)
        {
            if (format[i] == '{' && i + 1 < format.Length && format[i + 1] != '{')
            {
                var close = format.IndexOf('}', i);
                var head = close < 0 ? string.Empty : format.Substring(i + 1, close - i - 1).Split(':', ',')[0].Trim();
                if (close < 0 || !int.TryParse(head, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index)
                    || formatIndex + 1 + index >= values.Count)
                {
                    return false;
                }

                order.Add(formatIndex + 1 + index);
                i = close + 1;
                continue;
            }

            hasText = true;
            i++;
        }

        if (hasText)
        {
            pieces.Add(values[formatIndex]);
        }

        foreach (var index in order)
        {
            Read(values[index], types, pieces, depth, sent);
        }

        return true;
    }

    /// <summary>A string local built up before it is hashed: <c>var raw = a + b; raw += c;</c>.</summary>
    private static bool TryReadLocal(ILocalReferenceOperation reference, KnownTypes types, List<IOperation> pieces, int depth, SentRequestValues? sent)
    {
        // A local the request sends as one field (reference = "WS-" + number) is that field's value, not glued recipe text.
        if (sent is not null && sent.RoleOf(ValueFlow.Key(ValueFlow.Origin(reference, types))) != HashRole.Unknown)
        {
            return false;
        }

        var writes = new List<IOperation>();
        foreach (var operation in reference.GetRoot().DescendantsAndSelf())
        {
            switch (operation)
            {
                case IVariableDeclaratorOperation declarator when SymbolEqualityComparer.Default.Equals(declarator.Symbol, reference.Local):
                    if (declarator.GetVariableInitializer() is not { } initializer)
                    {
                        return false;
                    }

                    writes.Add(initializer.Value);
                    break;

                case ICompoundAssignmentOperation { OperatorKind: BinaryOperatorKind.Add, Target: ILocalReferenceOperation target } compound
                    when SymbolEqualityComparer.Default.Equals(target.Local, reference.Local):
                    writes.Add(compound.Value);
                    break;

                case ISimpleAssignmentOperation { Target: ILocalReferenceOperation target }
                    when SymbolEqualityComparer.Default.Equals(target.Local, reference.Local):
                    // Reassigned: which value reaches the hash depends on control flow; leave it alone.
                    return false;
            }
        }

        // A local holding one value (payment_ref = ticks.ToString()) is a piece itself; only glued text is taken apart.
        if (writes.Count == 0 || (writes.Count == 1 && !IsGlued(writes[0].WithoutConversions(), types)))
        {
            return false;
        }

        foreach (var write in writes)
        {
            Read(write, types, pieces, depth, sent);
        }

        return true;
    }

    private static void ReadBuilder(ILocalSymbol builder, IOperation root, KnownTypes types, List<IOperation> pieces, int depth, SentRequestValues? sent)
    {
        var appended = new List<IOperation>();
        foreach (var operation in root.DescendantsAndSelf())
        {
            if (operation is IVariableDeclaratorOperation declarator
                && SymbolEqualityComparer.Default.Equals(declarator.Symbol, builder)
                && declarator.GetVariableInitializer()?.Value.WithoutConversions() is IObjectCreationOperation creation)
            {
                foreach (var argument in creation.Arguments)
                {
                    if (argument.Value.Type?.SpecialType == SpecialType.System_String)
                    {
                        appended.Add(argument.Value);
                    }
                }
            }

            if (operation is IInvocationOperation { TargetMethod.Name: "Append", Arguments.Length: 1 } append && RootsAt(append.Instance, builder))
            {
                appended.Add(append.Arguments[0].Value);
            }
        }

        foreach (var value in appended.OrderBy(v => v.Syntax.SpanStart))
        {
            Read(value, types, pieces, depth, sent);
        }
    }

    private static bool RootsAt(IOperation? receiver, ILocalSymbol builder)
    {
        while (receiver is IInvocationOperation { TargetMethod.Name: "Append" } chained)
        {
            receiver = chained.Instance;
        }

        return receiver is ILocalReferenceOperation local && SymbolEqualityComparer.Default.Equals(local.Local, builder);
    }

    private static bool IsGlued(IOperation value, KnownTypes types) => value switch
    {
        IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } => true,
        IInterpolatedStringOperation { Parts.Length: > 1 } => true,
        IInvocationOperation invocation => IsConcat(invocation) || IsJoinOfKnownItems(invocation, out _, out _) || IsCompositeFormat(invocation)
            || (invocation.TargetMethod.Name == "ToString" && KnownTypes.Is(invocation.Instance?.Type, types.StringBuilder)),
        _ => false,
    };

    /// <summary><c>string.Format("{0}{1}{2:0.00}", a, b, c)</c> with more than one item.</summary>
    private static bool IsCompositeFormat(IInvocationOperation invocation) =>
        invocation.TargetMethod is { Name: "Format", IsStatic: true, ContainingType.SpecialType: SpecialType.System_String }
        && NumberFormatting.ExpandArguments(invocation).Count > 2;

    private static bool IsConcat(IInvocationOperation invocation) =>
        invocation.TargetMethod is { Name: "Concat", IsStatic: true, ContainingType.SpecialType: SpecialType.System_String };

    private static bool IsJoinOfKnownItems(IInvocationOperation invocation, out IOperation? separator, out List<IOperation> items)
    {
        separator = null;
        items = new List<IOperation>();
        if (invocation.TargetMethod is not { Name: "Join", IsStatic: true, ContainingType.SpecialType: SpecialType.System_String } || invocation.Arguments.Length < 2)
        {
            return false;
        }

        var first = invocation.Arguments[0].Value;
        if (!first.WithoutConversions().ConstantValue.HasValue)
        {
            return false;
        }

        separator = first.WithoutConversions().ConstantValue.Value is string { Length: 0 } ? null : first;
        var values = NumberFormatting.ExpandArguments(invocation);
        if (values.Count == 2 && values[1].WithoutConversions() is IArrayCreationOperation { Initializer: { } initializer })
        {
            items.AddRange(initializer.ElementValues);
            return true;
        }

        if (values.Count == 2 && values[1].WithoutConversions() is ICollectionExpressionOperation collection)
        {
            items.AddRange(collection.Elements);
            return true;
        }

        if (values.Count == 2 && values[1].WithoutConversions().Type is IArrayTypeSymbol or INamedTypeSymbol { IsGenericType: true })
        {
            // A sequence built elsewhere (LINQ): its items cannot be followed here.
            return false;
        }

        items.AddRange(values.Skip(1));
        return true;
    }

    private static bool IsJoinWithoutSeparator(IInvocationOperation invocation) =>
        invocation.TargetMethod is { Name: "Join", IsStatic: true, ContainingType.SpecialType: SpecialType.System_String }
        && invocation.Arguments.Length >= 1
        && invocation.Arguments[0].Value.TryGetConstantString(out var separator)
        && separator.Length == 0;
}
