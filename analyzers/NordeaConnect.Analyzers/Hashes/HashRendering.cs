using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace NordeaConnect.Analyzers.Hashes;

/// <summary>How the MD5 bytes of a request hash become text, and whether that text is lower-case hex as the API compares it.</summary>
internal sealed class HashRendering
{
    private HashRendering(IOperation? hashText, IOperation? notLowerHex, string? problem)
    {
        HashText = hashText;
        NotLowerHex = notLowerHex;
        Problem = problem;
    }

    /// <summary>The whole expression that yields the hash string, when it is one expression (what the recipe fix replaces).</summary>
    public IOperation? HashText { get; }

    /// <summary>The expression that renders the bytes other than as lower-case hex, if any.</summary>
    public IOperation? NotLowerHex { get; }

    /// <summary>For messages: what the rendering produces instead.</summary>
    public string? Problem { get; }

    public static HashRendering Read(IInvocationOperation md5Call, bool returnsText, KnownTypes types)
    {
        if (returnsText)
        {
            // A signing helper of the caller's own renders the bytes inside; read how from its source.
            var inside = HelperRendering.FindUpperCase(md5Call.TargetMethod);
            return inside is null
                ? new HashRendering(md5Call, null, null)
                : new HashRendering(md5Call, md5Call, inside + " inside " + md5Call.TargetMethod.Name);
        }

        var bytes = (IOperation)md5Call;
        var parent = bytes.ParentSkippingConversions(out bytes);
        if (parent is IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator })
        {
            return ReadFromLocal(declarator.Symbol, md5Call.GetRoot(), types);
        }

        return parent switch
        {
            IArgumentOperation { Parent: IInvocationOperation renderer } => ReadRenderer(renderer, types),
            IForEachLoopOperation loop => ReadByteLoop(loop),
            _ => new HashRendering(null, null, null),
        };
    }

    private static HashRendering ReadFromLocal(ILocalSymbol local, IOperation root, KnownTypes types)
    {
        IOperation? onlyRenderer = null;
        var uses = 0;
        foreach (var operation in root.DescendantsAndSelf())
        {
            if (operation is not ILocalReferenceOperation reference || !SymbolEqualityComparer.Default.Equals(reference.Local, local))
            {
                continue;
            }

            uses++;
            var parent = reference.ParentSkippingConversions(out _);
            if (parent is IArgumentOperation { Parent: IInvocationOperation renderer })
            {
                onlyRenderer = renderer;
            }
            else if (parent is IForEachLoopOperation loop)
            {
                var byByte = ReadByteLoop(loop);
                if (byByte.NotLowerHex is not null)
                {
                    return byByte;
                }
            }
            else if (parent is IArrayElementReferenceOperation element)
            {
                var formatted = ReadByteFormatting(element);
                if (formatted is not null)
                {
                    return formatted;
                }
            }
        }

        return uses == 1 && onlyRenderer is IInvocationOperation invocation ? ReadRenderer(invocation, types) : new HashRendering(null, null, null);
    }

    /// <summary><c>foreach (var b in hash) sb.Append(b.ToString("X2"));</c></summary>
    private static HashRendering ReadByteLoop(IForEachLoopOperation loop)
    {
        foreach (var operation in loop.Body.DescendantsAndSelf())
        {
            if (operation is ILocalReferenceOperation reference && loop.Locals.Contains(reference.Local))
            {
                var formatted = ReadByteFormatting(reference);
                if (formatted is not null)
                {
                    return formatted;
                }
            }
        }

        return new HashRendering(null, null, null);
    }

    private static HashRendering? ReadByteFormatting(IOperation singleByte)
    {
        var parent = singleByte.ParentSkippingConversions(out _);
        if (parent is IInvocationOperation { TargetMethod.Name: "ToString" } toString
            && toString.Arguments.GetArgument(0) is { } format
            && format.Value.TryGetConstantString(out var text)
            && text.StartsWith("X", System.StringComparison.Ordinal))
        {
            return new HashRendering(null, toString, "upper-case hex (\"" + text + "\")");
        }

        if (parent is IInterpolationOperation hole
            && hole.FormatString is { } holeFormat
            && holeFormat.TryGetConstantString(out var holeText)
            && holeText.StartsWith("X", System.StringComparison.Ordinal))
        {
            return new HashRendering(null, hole, "upper-case hex (\"" + holeText + "\")");
        }

        // $"{b:X2}" handed to StringBuilder.Append becomes an interpolated string handler: AppendFormatted(b, "X2").
        if (parent is IArgumentOperation { Parent: IInvocationOperation { TargetMethod.Name: "AppendFormatted" } appendFormatted }
            && appendFormatted.Arguments.FirstOrDefault(a => a.Parameter?.Name == "format") is { } handlerFormat
            && handlerFormat.Value.TryGetConstantString(out var handlerText)
            && handlerText.StartsWith("X", System.StringComparison.Ordinal))
        {
            return new HashRendering(null, appendFormatted.Parent ?? appendFormatted, "upper-case hex (\"" + handlerText + "\")");
        }

        return null;
    }

    private static HashRendering ReadRenderer(IInvocationOperation renderer, KnownTypes types)
    {
        var method = renderer.TargetMethod;
        if (KnownTypes.Is(method.ContainingType, types.Convert))
        {
            switch (method.Name)
            {
                case "ToHexStringLower":
                    return ReadCasing(renderer, lowerAlready: true, dashes: false);
                case "ToHexString":
                    return ReadCasing(renderer, lowerAlready: false, dashes: false);
                case "ToBase64String":
                    return new HashRendering(renderer, renderer, "Base64 text");
            }
        }

        if (KnownTypes.Is(method.ContainingType, types.BitConverter) && method.Name == "ToString")
        {
            return ReadCasing(renderer, lowerAlready: false, dashes: true);
        }

        return new HashRendering(null, null, null);
    }

    /// <summary>Follows <c>.Replace("-", "")</c> and <c>.ToLower*()</c>/<c>.ToUpper*()</c> calls after the hex conversion.</summary>
    private static HashRendering ReadCasing(IInvocationOperation renderer, bool lowerAlready, bool dashes)
    {
        var lower = lowerAlready;
        IOperation current = renderer;
        var known = true;
        while (known && current.Parent is IInvocationOperation next && ReferenceEquals(next.Instance, current))
        {
            switch (next.TargetMethod.Name)
            {
                case "ToLower":
                case "ToLowerInvariant":
                    lower = true;
                    break;
                case "ToUpper":
                case "ToUpperInvariant":
                    lower = false;
                    break;
                case "Replace" when next.Arguments.Length == 2
                    && next.Arguments[0].Value.ConstantValue.Value is "-" or '-'
                    && (next.Arguments[1].Value.ConstantValue.Value is "" || next.Arguments[1].Value is IFieldReferenceOperation { Field.Name: "Empty" }):
                    dashes = false;
                    break;
                default:
                    // Substring, Trim and friends: the text goes on as something else; judge it as it was before.
                    known = false;
                    continue;
            }

            current = next;
        }

        if (dashes)
        {
            return new HashRendering(current, current, "hex with dashes");
        }

        return lower ? new HashRendering(current, null, null) : new HashRendering(current, current, "upper-case hex");
    }
}
