using System.Collections.Generic;
using System.Globalization;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace NordeaConnect.Analyzers.Hashes;

[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class RequestHashRecipeAnalyzer : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor s_rule = RuleDescriptors.Create(
        RuleIdentifiers.RequestHashRecipe,
        title: "Request hash must follow the documented recipe",
        messageFormat: "The request hash is computed over {0}, but Nordea Connect computes MD5(merchant_id + payment_ref + customer_ref + amount + currency + test + secret): {1}",
        RuleCategories.RequestHash,
        DiagnosticSeverity.Warning,
        description: "Nordea Connect recomputes the request hash from the fields it receives and refuses the call when it differs. Every field must be present, in the documented order, with nothing else in between; RequestHash.Compute does this for you.");

    // The fix re-reads the hash from its MD5 call; the span rides in the properties (not an additional location, which
    // an IDE would highlight as part of the finding).
    private const string Md5StartProperty = "Md5Start";
    private const string Md5LengthProperty = "Md5Length";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(s_rule);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        RequestHashAnalysis.RegisterHashAction(context, Analyze);
    }

    private static void Analyze(OperationBlockAnalysisContext context, RequestHashComputation hash, KnownTypes types)
    {
        // customer_ref is empty when the request carries none, and an empty string adds nothing to the hashed text.
        var customerRefOptional = hash.Sent.SendsWithoutCustomerRef;
        var problems = Describe(hash.Parts, customerRefOptional);
        if (problems is null)
        {
            return;
        }

        var sequence = string.Join(" + ", hash.Parts.Select(p => p.Role == HashRole.Unknown ? "'" + p.Display + "'" : HashRoles.ToWireName(p.Role)));
        context.ReportDiagnostic(Diagnostic.Create(
            s_rule,
            hash.ReportedOperation.Syntax.GetLocation(),
            properties: ImmutableDictionary<string, string?>.Empty
                .Add(Md5StartProperty, hash.Md5Call.Syntax.SpanStart.ToString(CultureInfo.InvariantCulture))
                .Add(Md5LengthProperty, hash.Md5Call.Syntax.Span.Length.ToString(CultureInfo.InvariantCulture)),
            messageArgs: new object[] { sequence, problems }));
    }

    internal static bool TryGetMd5Span(Diagnostic diagnostic, out Microsoft.CodeAnalysis.Text.TextSpan span)
    {
        span = default;
        if (diagnostic.Properties.TryGetValue(Md5StartProperty, out var startText) && diagnostic.Properties.TryGetValue(Md5LengthProperty, out var lengthText)
            && int.TryParse(startText, NumberStyles.None, CultureInfo.InvariantCulture, out var start)
            && int.TryParse(lengthText, NumberStyles.None, CultureInfo.InvariantCulture, out var length))
        {
            span = new Microsoft.CodeAnalysis.Text.TextSpan(start, length);
            return true;
        }

        return false;
    }

    /// <summary>
    /// What is provably wrong with the sequence of fields, or null when nothing is: a literal that is no field (a
    /// separator), a field twice, fields out of order, and, only when every piece could be followed, a missing field.
    /// A piece whose origin could not be followed may be any field, so it never makes a finding by itself.
    /// </summary>
    internal static string? Describe(ImmutableArray<HashPart> parts, bool customerRefOptional)
    {
        var roles = parts.Select(p => p.Role).ToList();
        var recipe = customerRefOptional && !roles.Contains(HashRole.CustomerRef)
            ? HashRoles.Recipe.Where(r => r != HashRole.CustomerRef).ToList()
            : HashRoles.Recipe.ToList();
        if (roles.SequenceEqual(recipe))
        {
            return null;
        }

        var problems = new List<string>();
        var unfollowed = parts.Any(p => p.Role == HashRole.Unknown && !IsLiteral(p));
        var missing = recipe.Where(r => !roles.Contains(r)).Select(HashRoles.ToWireName).ToList();
        if (missing.Count > 0 && !unfollowed)
        {
            problems.Add("missing " + string.Join(", ", missing));
        }

        var extra = parts.Where(p => p.Role == HashRole.Unknown && IsLiteral(p)).Select(p => "'" + p.Display + "'").ToList();
        var repeated = roles.Where(r => r != HashRole.Unknown).GroupBy(r => r).Where(g => g.Count() > 1).Select(g => HashRoles.ToWireName(g.Key)).ToList();
        if (extra.Count > 0)
        {
            problems.Add("extra " + string.Join(", ", extra));
        }

        if (repeated.Count > 0)
        {
            problems.Add("repeated " + string.Join(", ", repeated));
        }

        var known = roles.Where(r => r != HashRole.Unknown).Distinct().ToList();
        var ordered = known.OrderBy(r => (int)r).ToList();
        if (!known.SequenceEqual(ordered))
        {
            problems.Add("out of order");
        }

        return problems.Count == 0 ? null : string.Join("; ", problems);
    }

    private static bool IsLiteral(HashPart part) => part.Operation.WithoutConversions().ConstantValue.HasValue;
}
