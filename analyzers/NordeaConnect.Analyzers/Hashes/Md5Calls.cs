using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using NordeaConnect.Analyzers.Naming;

namespace NordeaConnect.Analyzers.Hashes;

/// <summary>
/// Recognises an MD5 computation and the text it is computed over: <c>MD5.HashData(bytes)</c>,
/// <c>MD5.Create().ComputeHash(bytes)</c>, and home-grown helpers such as the reference's <c>text.ToMD5()</c>.
/// </summary>
internal static class Md5Calls
{
    private const int MaxLocalHops = 3;

    /// <summary>True when <paramref name="invocation"/> computes an MD5; <paramref name="text"/> is the hashed string when it can be seen.</summary>
    public static bool TryGetHashedText(IInvocationOperation invocation, KnownTypes types, out IOperation? text, out bool returnsText)
    {
        text = null;
        returnsText = false;
        var method = invocation.TargetMethod;
        IOperation? bytes = null;

        if (types.Md5 is not null && method.Name == "HashData" && method.IsStatic && KnownTypes.Is(method.ContainingType, types.Md5))
        {
            bytes = invocation.Arguments.GetArgument(0)?.Value;
        }
        else if (types.Md5 is not null && method.Name == "ComputeHash" && IsMd5(invocation.Instance?.WithoutConversions().Type, types))
        {
            bytes = invocation.Arguments.GetArgument(0)?.Value;
        }
        else if (IsHomeGrownMd5(method) || types.IsSourceMd5Helper(method))
        {
            returnsText = method.ReturnType.SpecialType == SpecialType.System_String;
            foreach (var argument in invocation.Arguments)
            {
                if (argument.Value.WithoutConversions().Type?.SpecialType == SpecialType.System_String)
                {
                    text = argument.Value;
                    return true;
                }
            }

            return false;
        }
        else
        {
            return false;
        }

        text = bytes is null ? null : GetEncodedText(bytes, types, 0);
        return true;
    }

    private static IOperation? GetEncodedText(IOperation bytes, KnownTypes types, int hops)
    {
        var value = bytes.WithoutConversions();
        if (value is IInvocationOperation { TargetMethod.Name: "GetBytes" } getBytes
            && (KnownTypes.Is(getBytes.TargetMethod.ContainingType, types.Encoding) || InheritsFrom(getBytes.TargetMethod.ContainingType, types.Encoding))
            && getBytes.Arguments.GetArgument(0) is { } argument
            && argument.Value.WithoutConversions().Type?.SpecialType == SpecialType.System_String)
        {
            return argument.Value;
        }

        if (value is ILocalReferenceOperation local && hops < MaxLocalHops)
        {
            foreach (var operation in value.GetRoot().DescendantsAndSelf())
            {
                if (operation is IVariableDeclaratorOperation declarator
                    && SymbolEqualityComparer.Default.Equals(declarator.Symbol, local.Local)
                    && declarator.GetVariableInitializer() is { } initializer)
                {
                    return GetEncodedText(initializer.Value, types, hops + 1);
                }
            }
        }

        return null;
    }

    private static bool IsMd5(ITypeSymbol? type, KnownTypes types)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (KnownTypes.Is(current, types.Md5))
            {
                return true;
            }
        }

        return false;
    }

    private static bool InheritsFrom(ITypeSymbol? type, INamedTypeSymbol? baseType)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (KnownTypes.Is(current, baseType))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A method of ours or the caller's whose name says MD5 (<c>ToMD5</c>, <c>ComputeMd5</c>, <c>Md5Hex</c>); the framework's own are handled above.</summary>
    private static bool IsHomeGrownMd5(IMethodSymbol method)
    {
        // Runs for every call in the compilation: the cheap test first.
        if (method.Name.IndexOf("md5", System.StringComparison.OrdinalIgnoreCase) < 0)
        {
            return false;
        }

        var ns = method.ContainingNamespace?.ToDisplayString() ?? string.Empty;
        if (ns.StartsWith("System", System.StringComparison.Ordinal))
        {
            return false;
        }

        return IdentifierWords.Split(method.Name).Contains("md5");
    }
}
