using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace NordeaConnect.Analyzers.Amounts;

[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class AmountTextNotInvariantAnalyzer : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor s_rule = RuleDescriptors.Create(
        RuleIdentifiers.AmountTextNotInvariant,
        title: "Amount text must not depend on the current culture",
        messageFormat: "'{0}' becomes the text of {1} in the current culture's format; Nordea Connect requires '0.00' with a dot, format it with ToString(\"0.00\", CultureInfo.InvariantCulture) or use Amount",
        RuleCategories.Amounts,
        DiagnosticSeverity.Warning,
        description: "Nordea Connect rejects or misreads amounts that are not written with two decimals and a dot. ToString(), interpolation, string.Format, concatenation, StringBuilder.Append and Convert.ToString without a provider follow the current culture (\"5,5\" in Sweden) and drop trailing zeros (\"5\").");

    private static readonly DiagnosticDescriptor s_decimalsRule = RuleDescriptors.Create(
        RuleIdentifiers.AmountTextDecimals,
        title: "Amount text must have exactly two decimals",
        messageFormat: "'{0}' becomes the text of {1} with an invariant provider but not with two decimals; Nordea Connect requires '0.00', use the format \"0.00\" or \"F2\"",
        RuleCategories.Amounts,
        DiagnosticSeverity.Warning,
        description: "The culture is right but the format is not: ToString(CultureInfo.InvariantCulture) gives \"12.5\", \"0.##\" drops zeros, \"N2\" adds group separators (\"1,234.00\"). Nordea Connect wants exactly two decimals.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(s_rule, s_decimalsRule);

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
                OperationKind.Binary,
                OperationKind.InterpolatedStringAppendFormatted);
        });
    }

    private static void Analyze(OperationAnalysisContext context, KnownTypes types)
    {
        foreach (var conversion in NumberFormatting.FindCultureSensitiveConversions(context.Operation, types))
        {
            string? where = null;
            if (AmountTextFlow.TryGetPosition(conversion, types, out var position))
            {
                where = position.Description;
            }
            else if (FormBody.TryGetKey(conversion, types, out var key) && AmountNames.IsFormAmountKey(key))
            {
                where = "form body field '" + key + "'";
            }

            if (where is not null)
            {
                var rule = NumberFormatting.HasInvariantProvider(conversion, types) ? s_decimalsRule : s_rule;
                context.ReportDiagnostic(Diagnostic.Create(rule, conversion.Syntax.GetLocation(), conversion.Syntax.ToString(), where));
            }
        }
    }
}
