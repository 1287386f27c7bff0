using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using NordeaConnect.Analyzers.Amounts;

namespace NordeaConnect.Analyzers.Hashes;

[ExportCodeFixProvider(LanguageNames.CSharp), Shared]
public sealed class RequestHashAmountCultureFixer : CodeFixProvider
{
    private const string Title = "Hash the amount as invariant 0.00";

    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(RuleIdentifiers.RequestHashAmountCulture, RuleIdentifiers.RequestHashAmountDecimals);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        await NodeRewriteFix.RegisterAsync(context, Title, InvariantAmountRewrite.TryCreate).ConfigureAwait(false);
    }
}
