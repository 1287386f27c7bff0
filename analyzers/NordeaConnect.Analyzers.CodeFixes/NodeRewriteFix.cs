using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Text;

namespace NordeaConnect.Analyzers;

/// <summary>
/// Replaces part of the node a diagnostic is reported on: <paramref name="oldNode"/> (the node itself or inside it)
/// becomes <paramref name="newNode"/>. False when the node is not one the fix knows how to rewrite.
/// </summary>
internal delegate bool NodeRewrite(SyntaxNode node, SemanticModel semanticModel, out SyntaxNode oldNode, out SyntaxNode newNode);

/// <summary>
/// The code action of the fixes that rewrite the node at a diagnostic's location: offered only where the rewrite
/// applies, and worked out again on the document it is applied to, so that it stays right inside a fix-all batch.
/// </summary>
internal static class NodeRewriteFix
{
    public static async Task RegisterAsync(CodeFixContext context, string title, NodeRewrite rewrite)
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

    private static async Task<Document> ApplyAsync(Document document, TextSpan span, NodeRewrite rewrite, CancellationToken cancellationToken)
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
