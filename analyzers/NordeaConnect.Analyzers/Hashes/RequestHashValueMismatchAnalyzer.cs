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
        foreach (var (role, value) in hashed)
        {
            if (role is not (HashRole.Amount or HashRole.Currency or HashRole.PaymentRef or HashRole.CustomerRef or HashRole.Test))
            {
                continue;
            }

            sent ??= SentRequestValues.Collect(invocation.GetRoot(), types);
            if (sent.TryGet(role, out var sentValue) && Differ(role, HashRoles.StripRendering(value, types), value, sentValue, types))
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

        var hashedRoot = RootSymbol(hashedCore);
        var sentRoot = RootSymbol(HashRoles.StripRendering(sent, types));
        return hashedRoot is not null
            && SymbolEqualityComparer.Default.Equals(hashedRoot, sentRoot)
            && SentRequestValues.Normalized(hashedText) != SentRequestValues.Normalized(sentText);
    }

    private static string? ConstantText(IOperation operation)
    {
        var constant = operation.WithoutConversions().ConstantValue;
        return constant.HasValue ? SentRequestValues.ConstantText(constant.Value) : null;
    }

    private static ISymbol? RootSymbol(IOperation operation) => operation.WithoutConversions() switch
    {
        ILocalReferenceOperation local => local.Local,
        IParameterReferenceOperation parameter => parameter.Parameter,
        IFieldReferenceOperation field => field.Field,
        IPropertyReferenceOperation property => property.Property,
        _ => null,
    };

    private static string Describe(IOperation operation, KnownTypes types)
    {
        var constant = ConstantText(HashRoles.StripRendering(operation, types));
        return constant ?? operation.Syntax.ToString();
    }
}
