using Microsoft.CodeAnalysis.CodeFixes;

namespace NordeaConnect.Analyzers.Tests.Verification;

internal static class Fixers
{
    /// <summary>Every code fix the package exports, found the way an IDE finds them.</summary>
    public static IReadOnlyList<CodeFixProvider> All() =>
        typeof(NordeaConnect.Analyzers.Amounts.AmountTextNotInvariantFixer).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(CodeFixProvider).IsAssignableFrom(t))
            .Where(t => t.GetCustomAttributes(typeof(ExportCodeFixProviderAttribute), inherit: false).Length == 1)
            .Select(t => (CodeFixProvider)Activator.CreateInstance(t)!)
            .ToList();
}
