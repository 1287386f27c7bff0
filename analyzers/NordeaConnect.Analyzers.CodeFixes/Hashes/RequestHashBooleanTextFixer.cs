using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace NordeaConnect.Analyzers.Hashes;

[ExportCodeFixProvider(LanguageNames.CSharp), Shared]
public sealed class RequestHashBooleanTextFixer : CodeFixProvider
{
    private const string Title = "Hash test as \"true\"/\"false\"";

    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(RuleIdentifiers.RequestHashBooleanText);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override Task RegisterCodeFixesAsync(CodeFixContext context) => NodeRewriteFix.RegisterAsync(context, Title, TryRewrite);

    /// <summary><c>test</c>, <c>test.ToString()</c> or <c>Convert.ToString(test)</c> becomes <c>(test ? "true" : "false")</c>.</summary>
    private static bool TryRewrite(SyntaxNode node, SemanticModel semanticModel, out SyntaxNode oldNode, out SyntaxNode newNode)
    {
        oldNode = node;
        newNode = node;
        if (node is not ExpressionSyntax expression || GetBoolean(expression, semanticModel) is not { } flag)
        {
            return false;
        }

        var words = SyntaxFactory.ParenthesizedExpression(SyntaxFactory.ConditionalExpression(
            flag.WithoutTrivia(),
            SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal("true")),
            SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal("false"))));
        newNode = words.WithTriviaFrom(node);
        return true;
    }

    /// <summary>The bool itself: <c>test</c> in <c>test</c>, <c>test.ToString()</c> or <c>Convert.ToString(test)</c>.</summary>
    private static ExpressionSyntax? GetBoolean(ExpressionSyntax node, SemanticModel semanticModel)
    {
        if (semanticModel.GetTypeInfo(node).Type?.SpecialType == SpecialType.System_Boolean)
        {
            return node;
        }

        if (node is InvocationExpressionSyntax invocation)
        {
            if (invocation.Expression is MemberAccessExpressionSyntax { Name.Identifier.Text: "ToString" } access
                && invocation.ArgumentList.Arguments.Count == 0
                && semanticModel.GetTypeInfo(access.Expression).Type?.SpecialType == SpecialType.System_Boolean)
            {
                return access.Expression;
            }

            if (invocation.ArgumentList.Arguments.Count >= 1
                && semanticModel.GetTypeInfo(invocation.ArgumentList.Arguments[0].Expression).Type?.SpecialType == SpecialType.System_Boolean)
            {
                return invocation.ArgumentList.Arguments[0].Expression;
            }
        }

        return null;
    }
}
