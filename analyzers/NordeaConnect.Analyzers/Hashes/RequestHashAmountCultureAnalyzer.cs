using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using NordeaConnect.Analyzers.Amounts;

namespace NordeaConnect.Analyzers.Hashes;

[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class RequestHashAmountCultureAnalyzer : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor s_rule = RuleDescriptors.Create(
        RuleIdentifiers.RequestHashAmountCulture,
        title: "Amount in a request hash must not depend on the current culture",
        messageFormat: "'{0}' puts the amount into the request hash in the current culture's format; Nordea Connect hashes it as '0.00' with a dot, format it with ToString(\"0.00\", CultureInfo.InvariantCulture)",
        RuleCategories.RequestHash,
        DiagnosticSeverity.Warning,
        description: "The hash Nordea Connect computes contains the amount exactly as the API expects it (\"12.00\"). A culture-formatted amount (\"12\", \"12,00\", \"12.5\") gives another hash and the call is refused, on some machines only.");

    private static readonly DiagnosticDescriptor s_decimalsRule = RuleDescriptors.Create(
        RuleIdentifiers.RequestHashAmountDecimals,
        title: "Amount in a request hash must have exactly two decimals",
        messageFormat: "'{0}' puts the amount into the request hash with an invariant provider but not with two decimals; Nordea Connect hashes it as '0.00', use the format \"0.00\" or \"F2\"",
        RuleCategories.RequestHash,
        DiagnosticSeverity.Warning,
        description: "The culture is right but the format is not: \"12.5\" or \"12\" hashed where Nordea Connect hashes \"12.50\" or \"12.00\", so the hashes differ.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(s_rule, s_decimalsRule);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        RequestHashAnalysis.RegisterHashAction(context, (block, hash, types) =>
        {
            foreach (var part in hash.Parts)
            {
                if (FindCultureFormattedNumber(part.Operation, types) is { } offence)
                {
                    var rule = NumberFormatting.HasInvariantProvider(offence, types) ? s_decimalsRule : s_rule;
                    block.ReportDiagnostic(Diagnostic.Create(rule, offence.Syntax.GetLocation(), offence.Syntax.ToString()));
                }
            }
        });
    }

    private static IInvocationOperation? EnclosingFormat(IOperation part)
    {
        for (var current = part.Parent; current is not null; current = current.Parent)
        {
            switch (current)
            {
                case IConversionOperation or IArrayInitializerOperation or IArrayCreationOperation or IArgumentOperation or ICollectionExpressionOperation:
                    continue;
                case IInvocationOperation { TargetMethod: { Name: "Format", IsStatic: true, ContainingType.SpecialType: SpecialType.System_String } } format:
                    return format;
                default:
                    return null;
            }
        }

        return null;
    }

    /// <summary>The expression that renders a number in the current culture, if the part is one.</summary>
    internal static IOperation? FindCultureFormattedNumber(IOperation part, KnownTypes types)
    {
        var value = part.WithoutConversions();
        if (KnownTypes.IsNumberWithDecimals(value.Type))
        {
            // An interpolation hole may carry a format; the hole decides.
            if (part.Parent is IInterpolationOperation hole)
            {
                return NumberFormatting.FindCultureSensitiveConversions(hole, types).FirstOrDefault();
            }

            // An item of string.Format: the provider and the item's format decide.
            if (EnclosingFormat(part) is { } format)
            {
                return NumberFormatting.FindCultureSensitiveConversions(format, types).FirstOrDefault(found => ReferenceEquals(found, value));
            }

            return value;
        }

        return value is IInvocationOperation invocation ? NumberFormatting.FindCultureSensitiveConversions(invocation, types).FirstOrDefault() : null;
    }
}
