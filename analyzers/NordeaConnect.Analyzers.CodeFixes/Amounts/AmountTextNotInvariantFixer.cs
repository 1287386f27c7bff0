using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Editing;

namespace NordeaConnect.Analyzers.Amounts;

[ExportCodeFixProvider(LanguageNames.CSharp), Shared]
public sealed class AmountTextNotInvariantFixer : CodeFixProvider
{
    private const string Title = "Format as invariant 0.00";

    private const string AmountTitle = "Format through Amount.ToUpstreamString()";

    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(RuleIdentifiers.AmountTextNotInvariant);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        await InvariantAmountFix.RegisterAsync(context, Title).ConfigureAwait(false);
        await InvariantAmountFix.RegisterAsync(context, AmountTitle, InvariantAmountRewrite.TryCreateWithAmount).ConfigureAwait(false);
    }
}

internal delegate bool AmountRewrite(SyntaxNode node, SemanticModel semanticModel, out SyntaxNode oldNode, out SyntaxNode newNode);

/// <summary>The registration shared by the two rules whose fix is invariant two-decimal formatting (NC1001, NC2003).</summary>
internal static class InvariantAmountFix
{
    public static Task RegisterAsync(CodeFixContext context, string title) => RegisterAsync(context, title, InvariantAmountRewrite.TryCreate);

    public static async Task RegisterAsync(CodeFixContext context, string title, AmountRewrite rewrite)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var semanticModel = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || semanticModel is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            if (!rewrite(node, semanticModel, out _, out _))
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(title, ct => ApplyAsync(context.Document, diagnostic.Location.SourceSpan, rewrite, ct), equivalenceKey: title),
                diagnostic);
        }
    }

    private static async Task<Document> ApplyAsync(Document document, Microsoft.CodeAnalysis.Text.TextSpan span, AmountRewrite rewrite, CancellationToken cancellationToken)
    {
        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        var node = editor.OriginalRoot.FindNode(span, getInnermostNodeForTie: true);
        if (!rewrite(node, editor.SemanticModel, out var oldNode, out var newNode))
        {
            return document;
        }

        editor.ReplaceNode(oldNode, newNode);
        return await Imports.AddAndSimplifyAsync(editor.GetChangedDocument(), cancellationToken).ConfigureAwait(false);
    }
}
