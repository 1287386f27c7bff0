using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;

namespace NordeaConnect.Analyzers.Amounts;

/// <summary>Rewrites a culture-dependent number-to-text conversion to <c>x.ToString("0.00", CultureInfo.InvariantCulture)</c>.</summary>
internal static class InvariantAmountRewrite
{
    /// <summary>Finds what to replace for the reported <paramref name="node"/>; false when the value is nullable or the shape is unknown.</summary>
    public static bool TryCreate(SyntaxNode node, SemanticModel semanticModel, out SyntaxNode oldNode, out SyntaxNode newNode)
    {
        oldNode = node;
        newNode = node;
        if (node is InvocationExpressionSyntax invocation && semanticModel.GetSymbolInfo(invocation).Symbol is IMethodSymbol { Name: "ToString" } method)
        {
            ExpressionSyntax? value = null;
            if (!method.IsStatic && invocation.Expression is MemberAccessExpressionSyntax access)
            {
                value = access.Expression;
            }
            else if (method.IsStatic && invocation.ArgumentList.Arguments.Count >= 1)
            {
                value = invocation.ArgumentList.Arguments[0].Expression;
            }

            if (value is null || !IsPlainNumber(semanticModel.GetTypeInfo(value).Type))
            {
                return false;
            }

            newNode = FormatInvariant(value).WithTriviaFrom(invocation);
            return true;
        }

        if (node is not ExpressionSyntax expression || !IsPlainNumber(semanticModel.GetTypeInfo(expression).Type))
        {
            return false;
        }

        while (expression.Parent is ParenthesizedExpressionSyntax parenthesized)
        {
            expression = parenthesized;
            oldNode = parenthesized;
        }

        if (expression.Parent is InterpolationSyntax hole)
        {
            oldNode = hole;
            newNode = SyntaxFactory.Interpolation(FormatInvariant(expression));
            return true;
        }

        newNode = FormatInvariant(expression).WithTriviaFrom(expression);
        return true;
    }

    public static ExpressionSyntax FormatInvariant(ExpressionSyntax value)
    {
        var receiver = NeedsParentheses(value) ? SyntaxFactory.ParenthesizedExpression(value.WithoutTrivia()) : value.WithoutTrivia();
        return SyntaxFactory.InvocationExpression(
                SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, receiver, SyntaxFactory.IdentifierName("ToString")),
                SyntaxFactory.ArgumentList(SyntaxFactory.SeparatedList(new[]
                {
                    SyntaxFactory.Argument(SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal("0.00"))),
                    SyntaxFactory.Argument(InvariantCulture()),
                })));
    }

    /// <summary><c>CultureInfo.InvariantCulture</c>, with <c>using System.Globalization;</c> added by the code action's clean-up.</summary>
    public static ExpressionSyntax InvariantCulture() =>
        SyntaxFactory.ParseExpression("global::System.Globalization.CultureInfo.InvariantCulture")
            .WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation);

    public static bool NeedsParentheses(ExpressionSyntax value) =>
        value is not (IdentifierNameSyntax or MemberAccessExpressionSyntax or InvocationExpressionSyntax or ElementAccessExpressionSyntax
            or ParenthesizedExpressionSyntax or LiteralExpressionSyntax or ThisExpressionSyntax);

    private static bool IsPlainNumber(ITypeSymbol? type) =>
        type?.SpecialType is SpecialType.System_Decimal or SpecialType.System_Double or SpecialType.System_Single;
}
