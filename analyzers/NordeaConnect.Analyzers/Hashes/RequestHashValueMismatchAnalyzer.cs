using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace NordeaConnect.Analyzers.Hashes;

[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class RequestHashValueMismatchAnalyzer : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor s_rule = RuleDescriptors.Create(
        RuleIdentifiers.RequestHashValueMismatch,
        title: "Request hash must cover the values the request sends",
        messageFormat: "The request hash uses {0} '{1}' but the same request sends '{2}'",
        RuleCategories.RequestHash,
        DiagnosticSeverity.Warning,
        description: "Nordea Connect hashes the text it receives. When the hash is computed over one rendering of a field (\"10.00\") and the request sends another (\"10\"), the hashes differ and the call is refused.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(s_rule);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        RequestHashAnalysis.RegisterInvocationAction(context, Analyze);
    }

    private static void Analyze(OperationBlockAnalysisContext context, IInvocationOperation invocation, KnownTypes types)
    {
        var hashed = ReadHashedValues(invocation, types);
        if (hashed is null)
        {
            return;
        }

        SentRequestValues? sent = null;
        var computed = KnownTypes.Is(invocation.TargetMethod.ContainingType, types.RequestHash);
        foreach (var (role, value) in hashed)
        {
            if (role is not (HashRole.Amount or HashRole.Currency or HashRole.PaymentRef or HashRole.CustomerRef or HashRole.Test))
            {
                continue;
            }

            sent ??= SentRequestValues.Collect(invocation.GetRoot(), types);
            if (sent.TryGet(role, out var sentValue) && (computed || !HasOwnRule(role, value, sentValue, types)) && Differ(role, HashRoles.StripRendering(value, types), value, sentValue, types))
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    s_rule,
                    value.Syntax.GetLocation(),
                    HashRoles.ToWireName(role),
                    Describe(value, types),
                    Describe(sentValue, types)));
            }
        }
    }

    /// <summary>The fields a hand-built hash or a <c>RequestHash.Compute</c> call hashes, with the expression for each.</summary>
    private static List<(HashRole Role, IOperation Value)>? ReadHashedValues(IInvocationOperation invocation, KnownTypes types)
    {
        var method = invocation.TargetMethod;
        if (KnownTypes.Is(method.ContainingType, types.RequestHash) && method.Name is "Compute" or "ComputeRaw" or "Matches")
        {
            var values = new List<(HashRole, IOperation)>();
            foreach (var argument in invocation.Arguments)
            {
                var role = argument.Parameter is null ? HashRole.Unknown : HashRoles.ClassifyName(argument.Parameter.Name);
                if (role != HashRole.Unknown && argument.ArgumentKind == ArgumentKind.Explicit)
                {
                    values.Add((role, argument.Value));
                }
            }

            return values;
        }

        if (!RequestHashComputation.TryRead(invocation, types, out var hash))
        {
            return null;
        }

        var parts = new List<(HashRole, IOperation)>();
        foreach (var part in hash.Parts)
        {
            parts.Add((part.Role, part.Operation));
        }

        return parts;
    }

    /// <summary>
    /// A hashed test flag written "1" or "True" (NC2002), a hashed amount in the current culture (NC2003), or a sent
    /// amount in the current culture (NC1001) is reported by its own rule, which names the mistake.
    /// </summary>
    private static bool HasOwnRule(HashRole role, IOperation hashed, IOperation sent, KnownTypes types)
    {
        if (role == HashRole.Test && RequestHashBooleanTextAnalyzer.FindCapitalisedBoolean(hashed, types) is not null)
        {
            return true;
        }

        if (role == HashRole.Amount && RequestHashAmountCultureAnalyzer.FindCultureFormattedNumber(hashed, types) is not null)
        {
            return true;
        }

        foreach (var operation in sent.DescendantsAndSelf())
        {
            foreach (var _ in Amounts.NumberFormatting.FindCultureSensitiveConversions(operation, types))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Differ(HashRole role, IOperation hashedCore, IOperation hashed, IOperation sent, KnownTypes types)
    {
        var hashedConstant = ConstantText(hashedCore);
        var sentConstant = ConstantText(sent);
        if (hashedConstant is not null && sentConstant is not null)
        {
            var comparison = role is HashRole.Currency or HashRole.Test ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
            return !string.Equals(hashedConstant, sentConstant, comparison);
        }

        if (hashedConstant is not null || sentConstant is not null)
        {
            return false;
        }

        // Two renderings of the same variable as text can be compared; anything else is beyond one method's sight.
        var hashedText = hashed.WithoutConversions();
        var sentText = sent.WithoutConversions();
        if (hashedText.Type?.SpecialType != SpecialType.System_String || sentText.Type?.SpecialType != SpecialType.System_String)
        {
            return false;
        }

        // The request sends a value built from the hashed one (a prefix added, a gift card taken off): provably another text.
        var hashedKey = ValueFlow.Key(ValueFlow.Origin(hashed, types));
        if (!hashedKey.StartsWith("expression ", StringComparison.Ordinal) && ValueFlow.IsBuiltFrom(ValueFlow.Origin(sent, types), hashedKey, types))
        {
            return true;
        }

        // The same value rendered two ways: different only when both renderings are known and not alike.
        if (hashedKey != ValueFlow.Key(ValueFlow.Origin(sent, types)))
        {
            return false;
        }

        var hashedRendering = Rendering(hashedText, types);
        var sentRendering = Rendering(sentText, types);
        return hashedRendering is not null && sentRendering is not null && hashedRendering != sentRendering;
    }

    /// <summary>
    /// How a value becomes text, as far as the result differs: "upper"/"lower" case, "0.00" for the invariant
    /// two-decimal amount (any of its spellings), the call itself for other number formats, "as is" for the plain value.
    /// </summary>
    private static string? Rendering(IOperation text, KnownTypes types)
    {
        var value = text.WithoutConversions();
        var twoDecimals = value is IInvocationOperation { TargetMethod.Name: "ToUpstreamString" }
            || (value is IInvocationOperation { TargetMethod.Name: "ToString", Instance: { } number, Arguments.Length: 2 } toString
                && KnownTypes.IsNumberWithDecimals(number.Type)
                && toString.Arguments[0].Value.TryGetConstantString(out var format) && Amounts.NumberFormatting.IsTwoDecimalFormat(format)
                && Amounts.NumberFormatting.IsInvariantProvider(toString.Arguments[1].Value, types));
        if (twoDecimals)
        {
            return "0.00";
        }

        switch (value)
        {
            case IInvocationOperation { TargetMethod.Name: "ToUpper" or "ToUpperInvariant" }:
                return "upper";
            case IInvocationOperation { TargetMethod.Name: "ToLower" or "ToLowerInvariant" }:
                return "lower";
            case IInvocationOperation { TargetMethod.Name: "ToString", Instance: { } instance } when KnownTypes.IsNumberWithDecimals(instance.Type):
                return "number " + SentRequestValues.Normalized(value);
            case ILocalReferenceOperation or IParameterReferenceOperation or IFieldReferenceOperation or IPropertyReferenceOperation:
                return "as is";
            default:
                return null;
        }
    }

    private static string? ConstantText(IOperation operation)
    {
        var constant = operation.WithoutConversions().ConstantValue;
        return constant.HasValue ? SentRequestValues.ConstantText(constant.Value) : null;
    }

    private static string Describe(IOperation operation, KnownTypes types)
    {
        var constant = ConstantText(HashRoles.StripRendering(operation, types));
        return constant ?? operation.Syntax.ToString();
    }
}
