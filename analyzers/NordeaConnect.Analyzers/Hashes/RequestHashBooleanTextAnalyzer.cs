using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace NordeaConnect.Analyzers.Hashes;

[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class RequestHashBooleanTextAnalyzer : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor s_rule = RuleDescriptors.Create(
        RuleIdentifiers.RequestHashBooleanText,
        title: "Request hash must contain test as \"true\" or \"false\"",
        messageFormat: "'{0}' puts the test flag into the request hash as \"True\"/\"False\" or \"1\"/\"0\"; Nordea Connect hashes it as \"true\" or \"false\", write (test ? \"true\" : \"false\")",
        RuleCategories.RequestHash,
        DiagnosticSeverity.Warning,
        description: ".NET renders a bool as \"True\" or \"False\" (ToString(), concatenation, interpolation, Convert.ToString), and some integrations write the flag as \"1\"/\"0\". The hash Nordea Connect computes uses the lower-case words, so the hashes never match.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(s_rule);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        RequestHashAnalysis.RegisterPartAction(context, s_rule, FindCapitalisedBoolean);
    }

    /// <summary>The expression that renders a bool with .NET's capitalised words, if the part is one.</summary>
    internal static IOperation? FindCapitalisedBoolean(IOperation part, KnownTypes types)
    {
        var value = part.WithoutConversions();

        // "True"/"FALSE" written out, or a flag rendered as "1"/"0": the API hashes the lower-case words.
        if (value.TryGetConstantString(out var literal) && literal is "True" or "False" or "TRUE" or "FALSE")
        {
            return value;
        }

        if (value is IConditionalOperation { Condition.Type.SpecialType: SpecialType.System_Boolean, WhenFalse: { } whenFalse } conditional
            && conditional.WhenTrue.TryGetConstantString(out var whenTrueText) && whenFalse.TryGetConstantString(out var whenFalseText)
            && !(whenTrueText == "true" && whenFalseText == "false") && !(whenTrueText == "false" && whenFalseText == "true"))
        {
            return value;
        }

        if (value.Type?.SpecialType == SpecialType.System_Boolean)
        {
            return value;
        }

        if (value is IInvocationOperation { TargetMethod.Name: "ToString" } invocation)
        {
            if (invocation.Instance?.WithoutConversions().Type?.SpecialType == SpecialType.System_Boolean)
            {
                return invocation;
            }

            if (invocation.Instance is null && KnownTypes.Is(invocation.TargetMethod.ContainingType, types.Convert)
                && invocation.TargetMethod.Parameters.Length >= 1 && invocation.TargetMethod.Parameters[0].Type.SpecialType == SpecialType.System_Boolean)
            {
                return invocation;
            }
        }

        return null;
    }
}
