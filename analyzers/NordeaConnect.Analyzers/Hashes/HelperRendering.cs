using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace NordeaConnect.Analyzers.Hashes;

/// <summary>
/// How a signing helper in the same compilation (<c>Md5Hex(text)</c>) turns the MD5 bytes into text, read from its
/// syntax: the helper's body is another member's, so its operations are not at hand where the hash is recognised.
/// </summary>
internal static class HelperRendering
{
    /// <summary>What upper-case rendering the helper's body uses ("X2", Convert.ToHexString, BitConverter.ToString without ToLower), or null.</summary>
    public static string? FindUpperCase(IMethodSymbol method)
    {
        foreach (var reference in method.DeclaringSyntaxReferences)
        {
            var body = reference.GetSyntax();
            foreach (var node in body.DescendantNodes())
            {
                switch (node)
                {
                    case InterpolationFormatClauseSyntax clause when clause.FormatStringToken.ValueText.StartsWith("X", StringComparison.Ordinal):
                        return "upper-case hex (\"" + clause.FormatStringToken.ValueText + "\")";

                    case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } invocation:
                        var name = access.Name.Identifier.ValueText;
                        if (name == "ToString"
                            && invocation.ArgumentList.Arguments.FirstOrDefault()?.Expression is LiteralExpressionSyntax literal
                            && literal.IsKind(SyntaxKind.StringLiteralExpression)
                            && literal.Token.ValueText.StartsWith("X", StringComparison.Ordinal))
                        {
                            return "upper-case hex (\"" + literal.Token.ValueText + "\")";
                        }

                        var hexOfBytes = (name == "ToHexString" && access.Expression.ToString().EndsWith("Convert", StringComparison.Ordinal))
                            || (name == "ToString" && access.Expression.ToString().EndsWith("BitConverter", StringComparison.Ordinal));
                        if (hexOfBytes && !LoweredAfterwards(invocation))
                        {
                            return name == "ToHexString" ? "upper-case hex (Convert.ToHexString)" : "upper-case hex (BitConverter.ToString)";
                        }

                        break;
                }
            }
        }

        return null;
    }

    /// <summary><c>Convert.ToHexString(h).ToLowerInvariant()</c>, possibly after <c>.Replace("-", "")</c>.</summary>
    private static bool LoweredAfterwards(ExpressionSyntax expression)
    {
        var current = expression;
        while (current.Parent is MemberAccessExpressionSyntax access && access.Parent is InvocationExpressionSyntax next)
        {
            var name = access.Name.Identifier.ValueText;
            if (name is "ToLower" or "ToLowerInvariant")
            {
                return true;
            }

            if (name is "ToUpper" or "ToUpperInvariant")
            {
                return false;
            }

            current = next;
        }

        return false;
    }
}
