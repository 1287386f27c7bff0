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

namespace NordeaConnect.Analyzers.Amounts;

[ExportCodeFixProvider(LanguageNames.CSharp), Shared]
public sealed class AmountLiteralNotTwoDecimalsFixer : CodeFixProvider
{
    private const string Title = "Write the amount with two decimals and a dot";

    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(RuleIdentifiers.AmountLiteralNotTwoDecimals);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            // Only offered when the literal has one reading ("5" -> "5.00"); "5.005" is for a human to decide.
            if (diagnostic.Properties.TryGetValue(AmountLiteralNotTwoDecimalsAnalyzer.NormalizedProperty, out var normalized) && normalized is not null)
            {
                context.RegisterCodeFix(
                    CodeAction.Create(Title, ct => ApplyAsync(context.Document, diagnostic, normalized, ct), equivalenceKey: Title),
                    diagnostic);
            }
        }

        return Task.CompletedTask;
    }

    private static async Task<Document> ApplyAsync(Document document, Diagnostic diagnostic, string normalized, CancellationToken cancellationToken)
    {
        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        if (editor.OriginalRoot.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not LiteralExpressionSyntax literal)
        {
            return document;
        }

        editor.ReplaceNode(literal, SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(normalized)).WithTriviaFrom(literal));
        return editor.GetChangedDocument();
    }
}
