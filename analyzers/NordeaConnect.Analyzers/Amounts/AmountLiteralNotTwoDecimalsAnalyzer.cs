using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace NordeaConnect.Analyzers.Amounts;

[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class AmountLiteralNotTwoDecimalsAnalyzer : DiagnosticAnalyzer
{
    internal const string NormalizedProperty = "Normalized";

    private static readonly DiagnosticDescriptor s_rule = RuleDescriptors.Create(
        RuleIdentifiers.AmountLiteralNotTwoDecimals,
        title: "Amount literal must have two decimals and a dot",
        messageFormat: "\"{0}\" is used as {1}, but Nordea Connect requires digits, a dot and two decimals (\"5.00\")",
        RuleCategories.Amounts,
        DiagnosticSeverity.Warning,
        description: "The API documents amounts as \"12.00\": \"must always include two decimals and a dot\". \"5\", \"5.0\", \"5,00\" and \"5.000\" are refused or misread.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(s_rule);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            var types = new KnownTypes(start.Compilation);
            start.RegisterOperationAction(operation => Analyze(operation, types), OperationKind.Literal);
        });
    }

    private static void Analyze(OperationAnalysisContext context, KnownTypes types)
    {
        var literal = (ILiteralOperation)context.Operation;

        // An empty string is the usual "not set yet" default of a request property, not an amount.
        if (!literal.TryGetConstantString(out var text) || text.Length == 0)
        {
            return;
        }

        // Most literals are text without a digit ("select ...", "application/json"): for them only the place they are
        // written counts, the walk over a local's uses is left out.
        var found = HasDigit(text)
            ? AmountTextFlow.TryGetPositionOfWhole(literal, types, out var position)
            : AmountPositions.TryGet(literal, SpecialType.System_String, types, out position);

        if (!found || AmountLiteral.IsValid(text, position.AllowsNegative))
        {
            return;
        }

        var properties = AmountLiteral.TryNormalize(text, position.AllowsNegative, out var normalized)
            ? ImmutableDictionary<string, string?>.Empty.Add(NormalizedProperty, normalized)
            : ImmutableDictionary<string, string?>.Empty;
        context.ReportDiagnostic(Diagnostic.Create(s_rule, literal.Syntax.GetLocation(), properties, text, position.Description));
    }

    private static bool HasDigit(string text)
    {
        foreach (var c in text)
        {
            if (c >= '0' && c <= '9')
            {
                return true;
            }
        }

        return false;
    }
}
