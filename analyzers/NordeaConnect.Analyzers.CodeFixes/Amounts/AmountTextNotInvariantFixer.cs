using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace NordeaConnect.Analyzers.Amounts;

[ExportCodeFixProvider(LanguageNames.CSharp), Shared]
public sealed class AmountTextNotInvariantFixer : CodeFixProvider
{
    private const string Title = "Format as invariant 0.00";

    private const string AmountTitle = "Format through Amount.ToUpstreamString()";

    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(RuleIdentifiers.AmountTextNotInvariant, RuleIdentifiers.AmountTextDecimals);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        await NodeRewriteFix.RegisterAsync(context, Title, InvariantAmountRewrite.TryCreate).ConfigureAwait(false);
        await NodeRewriteFix.RegisterAsync(context, AmountTitle, InvariantAmountRewrite.TryCreateWithAmount).ConfigureAwait(false);
    }
}
