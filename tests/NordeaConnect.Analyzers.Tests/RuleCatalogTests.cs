using System.Reflection;
using NordeaConnect.Analyzers.Tests.Verification;

namespace NordeaConnect.Analyzers.Tests;

/// <summary>Every rule is declared once, documented, release-tracked, and every fix belongs to a rule.</summary>
public sealed class RuleCatalogTests
{
    private static readonly string s_repositoryRoot = FindRepositoryRoot();

    public static TheoryData<string> RuleIds
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var id in DeclaredIds())
            {
                data.Add(id);
            }

            return data;
        }
    }

    [Fact]
    public void Every_declared_id_has_exactly_one_analyzer()
    {
        var reported = RuleTest.AllAnalyzers().SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).ToList();
        Assert.Equal(DeclaredIds().OrderBy(i => i), reported.OrderBy(i => i));
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Rule_has_a_help_page_a_release_entry_and_an_index_line(string id)
    {
        var descriptor = RuleTest.AllAnalyzers().SelectMany(a => a.SupportedDiagnostics).Single(d => d.Id == id);
        // An absolute link (IDEs open only those) to the page that lives beside the code.
        Assert.Equal(RuleIdentifiers.HelpLinkBase + id + ".md", descriptor.HelpLinkUri);
        Assert.True(Uri.TryCreate(descriptor.HelpLinkUri, UriKind.Absolute, out var link) && link.Scheme == Uri.UriSchemeHttps, descriptor.HelpLinkUri);
        var page = Path.Combine(s_repositoryRoot, "docs", "analyzers", id + ".md");
        Assert.True(File.Exists(page), "Missing " + page);
        Assert.StartsWith("# " + id + ": " + descriptor.Title, File.ReadAllText(page), StringComparison.Ordinal);

        var unshipped = File.ReadAllLines(Path.Combine(s_repositoryRoot, "analyzers/NordeaConnect.Analyzers/AnalyzerReleases.Unshipped.md"));
        Assert.Contains(unshipped, line => line.StartsWith(id + " | " + descriptor.Category + " | " + descriptor.DefaultSeverity + " |", StringComparison.Ordinal));

        var index = File.ReadAllText(Path.Combine(s_repositoryRoot, "docs/analyzers/README.md"));
        Assert.Contains("[" + id + "](" + id + ".md) | " + descriptor.Title + " |", index, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_fix_targets_a_declared_rule_and_supports_fix_all()
    {
        var fixers = Fixers.All();
        Assert.NotEmpty(fixers);
        foreach (var fixer in fixers)
        {
            Assert.All(fixer.FixableDiagnosticIds, id => Assert.Contains(id, DeclaredIds()));
            Assert.NotNull(fixer.GetFixAllProvider());
        }
    }

    private static List<string> DeclaredIds() =>
        typeof(RuleIdentifiers).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.Name != nameof(RuleIdentifiers.HelpLinkBase))
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToList();

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (Directory.Exists(Path.Combine(directory.FullName, "docs", "analyzers")) && Directory.Exists(Path.Combine(directory.FullName, "analyzers")))
            {
                return directory.FullName;
            }
        }

        // Built outside the tree (ArtifactsPath): fall back to the source location compiled into this file.
        return Path.GetFullPath(Path.Combine(SourceDirectory(), "..", ".."));
    }

    private static string SourceDirectory([System.Runtime.CompilerServices.CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
