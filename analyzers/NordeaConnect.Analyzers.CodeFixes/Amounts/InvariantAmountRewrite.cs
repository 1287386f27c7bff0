using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;

namespace NordeaConnect.Analyzers.Amounts;

/// <summary>Rewrites a culture-dependent number-to-text conversion to <c>x.ToString("0.00", CultureInfo.InvariantCulture)</c>.</summary>
internal static class InvariantAmountRewrite
{
    /// <summary>Finds what to replace for the reported <paramref name="node"/>; false when the value is nullable or the shape is unknown.</summary>
    public static bool TryCreate(SyntaxNode node, SemanticModel semanticModel, out SyntaxNode oldNode, out SyntaxNode newNode) =>
        TryCreate(node, semanticModel, FormatInvariant, out oldNode, out newNode);

    /// <summary>
    /// Like <see cref="TryCreate(SyntaxNode, SemanticModel, out SyntaxNode, out SyntaxNode)"/>, rendering through our
    /// <c>Amount</c>: <c>Amount.FromDecimal(x).ToUpstreamString()</c>, which also refuses negative values and fractions of a cent.
    /// </summary>
    public static bool TryCreateWithAmount(SyntaxNode node, SemanticModel semanticModel, out SyntaxNode oldNode, out SyntaxNode newNode)
    {
        oldNode = node;
        newNode = node;
        return semanticModel.Compilation.GetTypeByMetadataName("NordeaConnect.Primitives.Amount") is not null
            && ValueOf(node, semanticModel) is { } value
            && semanticModel.GetTypeInfo(value).Type?.SpecialType == SpecialType.System_Decimal
            && TryCreate(node, semanticModel, FormatWithAmount, out oldNode, out newNode);
    }

    private static ExpressionSyntax? ValueOf(SyntaxNode node, SemanticModel semanticModel)
    {
        if (node is InvocationExpressionSyntax invocation && semanticModel.GetSymbolInfo(invocation).Symbol is IMethodSymbol { Name: "ToString" } method)
        {
            return !method.IsStatic && invocation.Expression is MemberAccessExpressionSyntax access ? access.Expression
                : method.IsStatic && invocation.ArgumentList.Arguments.Count >= 1 ? invocation.ArgumentList.Arguments[0].Expression
                : null;
        }

        return node as ExpressionSyntax;
    }

    private static bool TryCreate(SyntaxNode node, SemanticModel semanticModel, System.Func<ExpressionSyntax, ExpressionSyntax> format, out SyntaxNode oldNode, out SyntaxNode newNode)
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

            newNode = format(value).WithTriviaFrom(invocation);
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
            newNode = SyntaxFactory.Interpolation(format(expression));
            return true;
        }

        newNode = format(expression).WithTriviaFrom(expression);
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

    public static ExpressionSyntax FormatWithAmount(ExpressionSyntax value)
    {
        var amountType = SyntaxFactory.ParseExpression("global::NordeaConnect.Primitives.Amount").WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation);
        var fromDecimal = SyntaxFactory.InvocationExpression(
            SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, amountType, SyntaxFactory.IdentifierName("FromDecimal")),
            SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(value.WithoutTrivia()))));
        return SyntaxFactory.InvocationExpression(
            SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, fromDecimal, SyntaxFactory.IdentifierName("ToUpstreamString")));
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
