using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Operations;

namespace NordeaConnect.Analyzers.Hashes;

[ExportCodeFixProvider(LanguageNames.CSharp), Shared]
public sealed class RequestHashRecipeFixer : CodeFixProvider
{
    private const string Title = "Compute the hash with RequestHash.Compute";

    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(RuleIdentifiers.RequestHashRecipe);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var semanticModel = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (semanticModel is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (TryCreate(semanticModel, diagnostic, context.CancellationToken) is not null)
            {
                context.RegisterCodeFix(
                    CodeAction.Create(Title, ct => ApplyAsync(context.Document, diagnostic, ct), equivalenceKey: Title),
                    diagnostic);
            }
        }
    }

    private static async Task<Document> ApplyAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        if (TryCreate(editor.SemanticModel, diagnostic, cancellationToken) is not { } replacement)
        {
            return document;
        }

        editor.ReplaceNode(replacement.Old, replacement.New);
        foreach (var statement in UnusedAfterwards(replacement.Old, replacement.Body, editor.SemanticModel, cancellationToken))
        {
            editor.RemoveNode(statement);
        }

        return await Imports.AddAndSimplifyAsync(editor.GetChangedDocument(), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The local declarations that only fed the replaced hash (<c>var raw = ...; var bytes = MD5.HashData(...);</c>):
    /// left behind they would be dead code, and a dead MD5 call would still look like a hand-built hash.
    /// </summary>
    private static List<LocalDeclarationStatementSyntax> UnusedAfterwards(SyntaxNode replaced, SyntaxNode body, SemanticModel semanticModel, CancellationToken cancellationToken)
    {
        var removed = new List<SyntaxNode> { replaced };
        var statements = new List<LocalDeclarationStatementSyntax>();
        var changed = true;
        while (changed)
        {
            changed = false;
            foreach (var statement in body.DescendantNodes().OfType<LocalDeclarationStatementSyntax>())
            {
                if (statement.Declaration.Variables.Count != 1 || removed.Any(r => r.Span.Contains(statement.Span)))
                {
                    continue;
                }

                var local = semanticModel.GetDeclaredSymbol(statement.Declaration.Variables[0], cancellationToken);
                var references = body.DescendantNodes()
                    .OfType<IdentifierNameSyntax>()
                    .Where(id => id.Identifier.ValueText == local?.Name && SymbolEqualityComparer.Default.Equals(semanticModel.GetSymbolInfo(id, cancellationToken).Symbol, local))
                    .ToList();
                if (references.Count > 0 && references.All(reference => removed.Any(r => r.Span.Contains(reference.Span))))
                {
                    removed.Add(statement);
                    statements.Add(statement);
                    changed = true;
                }
            }
        }

        return statements;
    }

    /// <summary>Re-reads the hash the analyzer saw (its MD5 call's span travels in the diagnostic's properties) and builds the call that replaces it.</summary>
    private static (SyntaxNode Old, SyntaxNode New, SyntaxNode Body)? TryCreate(SemanticModel semanticModel, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var types = new KnownTypes(semanticModel.Compilation);
        if (types.RequestHash is null || types.Amount is null || types.CurrencyCode is null || types.PaymentRef is null || !RequestHashRecipeAnalyzer.TryGetMd5Span(diagnostic, out var md5Span))
        {
            return null;
        }

        var root = semanticModel.SyntaxTree.GetRoot(cancellationToken);
        var md5Node = root.FindNode(md5Span, getInnermostNodeForTie: true);
        if (semanticModel.GetOperation(md5Node, cancellationToken) is not IInvocationOperation md5Call
            || !RequestHashComputation.TryRead(md5Call, types, out var hash)
            || hash.Rendering.HashText is not { Syntax: ExpressionSyntax hashText }
            || !RequestHashArguments.TryBuild(hash, types, out var arguments))
        {
            return null;
        }

        var compute = SyntaxFactory.InvocationExpression(
            SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, RequestHashArguments.PrimitivesType("RequestHash"), SyntaxFactory.IdentifierName("Compute")),
            arguments);
        return (hashText, compute.WithTriviaFrom(hashText), hash.Md5Call.GetRoot().Syntax);
    }
}
