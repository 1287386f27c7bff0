using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;

namespace NordeaConnect.Analyzers.Hashes;

[ExportCodeFixProvider(LanguageNames.CSharp), Shared]
public sealed class RequestHashBooleanTextFixer : CodeFixProvider
{
    private const string Title = "Hash test as \"true\"/\"false\"";

    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(RuleIdentifiers.RequestHashBooleanText);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var semanticModel = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || semanticModel is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is ExpressionSyntax node && GetBoolean(node, semanticModel) is not null)
            {
                context.RegisterCodeFix(
                    CodeAction.Create(Title, ct => ApplyAsync(context.Document, diagnostic.Location.SourceSpan, ct), equivalenceKey: Title),
                    diagnostic);
            }
        }
    }

    private static async Task<Document> ApplyAsync(Document document, Microsoft.CodeAnalysis.Text.TextSpan span, CancellationToken cancellationToken)
    {
        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        if (editor.OriginalRoot.FindNode(span, getInnermostNodeForTie: true) is not ExpressionSyntax node || GetBoolean(node, editor.SemanticModel) is not { } flag)
        {
            return document;
        }

        var words = SyntaxFactory.ParenthesizedExpression(SyntaxFactory.ConditionalExpression(
            flag.WithoutTrivia(),
            SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal("true")),
            SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal("false"))));
        editor.ReplaceNode(node, words.WithTriviaFrom(node));
        return editor.GetChangedDocument();
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
