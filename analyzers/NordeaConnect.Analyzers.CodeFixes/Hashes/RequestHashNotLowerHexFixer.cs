using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;

namespace NordeaConnect.Analyzers.Hashes;

[ExportCodeFixProvider(LanguageNames.CSharp), Shared]
public sealed class RequestHashNotLowerHexFixer : CodeFixProvider
{
    private const string Title = "Render the hash as lower-case hex";

    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(RuleIdentifiers.RequestHashNotLowerHex);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override Task RegisterCodeFixesAsync(CodeFixContext context) => NodeRewriteFix.RegisterAsync(context, Title, TryRewrite);

    private static bool TryRewrite(SyntaxNode node, SemanticModel semanticModel, out SyntaxNode oldNode, out SyntaxNode newNode)
    {
        if (CreateReplacement(node, semanticModel) is { } replacement)
        {
            (oldNode, newNode) = replacement;
            return true;
        }

        oldNode = newNode = node;
        return false;
    }

    private static (SyntaxNode Old, SyntaxNode New)? CreateReplacement(SyntaxNode node, SemanticModel semanticModel)
    {
        // "X2" -> "x2", in b.ToString("X2") or $"{b:X2}".
        if (node is InterpolationSyntax { FormatClause: { } clause })
        {
            var lower = SyntaxFactory.Token(clause.FormatStringToken.LeadingTrivia, SyntaxKind.InterpolatedStringTextToken, clause.FormatStringToken.Text.ToLowerInvariant(), clause.FormatStringToken.ValueText.ToLowerInvariant(), clause.FormatStringToken.TrailingTrivia);
            return (clause, clause.WithFormatStringToken(lower));
        }

        if (node is not ExpressionSyntax expression)
        {
            return null;
        }

        if (expression is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.Text: "ToString" } } toString
            && toString.ArgumentList.Arguments.FirstOrDefault()?.Expression is LiteralExpressionSyntax format
            && format.IsKind(SyntaxKind.StringLiteralExpression))
        {
            return (format, SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(format.Token.ValueText.ToLowerInvariant())).WithTriviaFrom(format));
        }

        // Convert.ToHexString(h), BitConverter.ToString(h).Replace("-", ""), Convert.ToBase64String(h), ...ToUpper(): start again from the bytes.
        var bytes = FindHashBytes(expression, semanticModel);
        if (bytes is null)
        {
            return null;
        }

        var convert = SyntaxFactory.ParseExpression("global::System.Convert").WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation);
        var hasLowerHex = semanticModel.Compilation.GetTypeByMetadataName("System.Convert")?.GetMembers("ToHexStringLower").Length > 0;
        var argument = SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(bytes.WithoutTrivia())));
        ExpressionSyntax replacement = hasLowerHex
            ? SyntaxFactory.InvocationExpression(SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, convert, SyntaxFactory.IdentifierName("ToHexStringLower")), argument)
            : SyntaxFactory.InvocationExpression(SyntaxFactory.MemberAccessExpression(
                SyntaxKind.SimpleMemberAccessExpression,
                SyntaxFactory.InvocationExpression(SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, convert, SyntaxFactory.IdentifierName("ToHexString")), argument),
                SyntaxFactory.IdentifierName("ToLowerInvariant")));
        return (expression, replacement.WithTriviaFrom(expression));
    }

    private static ExpressionSyntax? FindHashBytes(ExpressionSyntax expression, SemanticModel semanticModel)
    {
        foreach (var invocation in expression.DescendantNodesAndSelf().OfType<InvocationExpressionSyntax>())
        {
            if (semanticModel.GetSymbolInfo(invocation).Symbol is IMethodSymbol method
                && method.ContainingType?.ToDisplayString() is "System.Convert" or "System.BitConverter"
                && method.Name is "ToHexString" or "ToString" or "ToBase64String"
                && invocation.ArgumentList.Arguments.Count == 1)
            {
                return invocation.ArgumentList.Arguments[0].Expression;
            }
        }

        return null;
    }
}
