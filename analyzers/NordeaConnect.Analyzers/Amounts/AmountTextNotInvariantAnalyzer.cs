using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace NordeaConnect.Analyzers.Amounts;

[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class AmountTextNotInvariantAnalyzer : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor s_rule = RuleDescriptors.Create(
        RuleIdentifiers.AmountTextNotInvariant,
        title: "Amount text must be invariant with two decimals",
        messageFormat: "'{0}' becomes the text of {1} without invariant two-decimal formatting; Nordea Connect requires '0.00' with a dot, format it with ToString(\"0.00\", CultureInfo.InvariantCulture) or use Amount",
        RuleCategories.Amounts,
        DiagnosticSeverity.Warning,
        description: "Nordea Connect rejects or misreads amounts that are not written with two decimals and a dot. ToString(), interpolation, string.Format, concatenation and Convert.ToString follow the current culture (\"5,5\" in Sweden) and drop trailing zeros (\"5\").");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(s_rule);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            var types = new KnownTypes(start.Compilation);
            start.RegisterOperationAction(
                operation => Analyze(operation, types),
                OperationKind.Invocation,
                OperationKind.Interpolation,
                OperationKind.Binary);
        });
    }

    private static void Analyze(OperationAnalysisContext context, KnownTypes types)
    {
        foreach (var conversion in NumberFormatting.FindCultureSensitiveConversions(context.Operation, types))
        {
            if (AmountTextFlow.TryGetPosition(conversion, types, out var position))
            {
                context.ReportDiagnostic(Diagnostic.Create(s_rule, conversion.Syntax.GetLocation(), conversion.Syntax.ToString(), position.Description));
            }
            else if (FormBody.TryGetKey(conversion, types, out var key) && AmountNames.IsFormAmountKey(key))
            {
                context.ReportDiagnostic(Diagnostic.Create(s_rule, conversion.Syntax.GetLocation(), conversion.Syntax.ToString(), "form body field '" + key + "'"));
            }
        }
    }
}
