using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace NordeaConnect.Analyzers.Hashes;

[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class RequestHashNotLowerHexAnalyzer : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor s_rule = RuleDescriptors.Create(
        RuleIdentifiers.RequestHashNotLowerHex,
        title: "Request hash must be lower-case hex",
        messageFormat: "'{0}' renders the request hash as {1}; Nordea Connect expects 32 lower-case hex digits",
        RuleCategories.RequestHash,
        DiagnosticSeverity.Warning,
        description: "The hash is sent as the 32 lower-case hexadecimal digits of the MD5 (\"6bd88f621553edcf0c553f91bf6fb797\"). Convert.ToHexString and \"X2\" give upper case, BitConverter.ToString adds dashes, Base64 is another alphabet.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(s_rule);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        RequestHashAnalysis.RegisterHashAction(context, (operation, hash, _) => Analyze(operation, hash));
    }

    private static void Analyze(OperationBlockAnalysisContext context, RequestHashComputation hash)
    {
        if (hash.Rendering.NotLowerHex is { } rendering)
        {
            context.ReportDiagnostic(Diagnostic.Create(s_rule, rendering.Syntax.GetLocation(), rendering.Syntax.ToString(), hash.Rendering.Problem));
        }
    }
}
