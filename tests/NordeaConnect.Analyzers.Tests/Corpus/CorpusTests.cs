using NordeaConnect.Analyzers.Tests.Verification;

namespace NordeaConnect.Analyzers.Tests.Corpus;

/// <summary>
/// Every rule at once over realistic merchant code: the files under Corpus/Correct must raise nothing, each file under
/// Corpus/Buggy exactly the rules its markers name ({|NC2003:...|}), and the snippets of classic bugs likewise.
/// </summary>
public sealed class CorpusTests
{
    public static TheoryData<string> CorrectFiles => Files("Correct");

    public static TheoryData<string> BuggyFiles => Files("Buggy");

    public static TheoryData<string, string> CorrectSnippetData => CorrectSnippets.All;

    public static TheoryData<string, string> BuggySnippetData => BuggySnippets.All;

    [Theory]
    [MemberData(nameof(CorrectFiles))]
    public Task Correct_file_raises_nothing(string file) =>
        RuleTest.ForAllRules().WithSource(Read("Correct", file)).VerifyDiagnosticsAsync();

    [Theory]
    [MemberData(nameof(BuggyFiles))]
    public Task Buggy_file_raises_exactly_its_rules(string file)
    {
        var source = Read("Buggy", file);
        Assert.Contains("{|NC", source, StringComparison.Ordinal);
        return RuleTest.ForAllRules().WithSource(source).VerifyDiagnosticsAsync();
    }

    [Theory]
    [MemberData(nameof(CorrectSnippetData))]
    public Task Correct_snippet_raises_nothing(string name, string source)
    {
        Assert.False(string.IsNullOrEmpty(name));
        return RuleTest.ForAllRules().WithSource(source).VerifyDiagnosticsAsync();
    }

    [Theory]
    [MemberData(nameof(BuggySnippetData))]
    public Task Buggy_snippet_raises_exactly_its_rules(string name, string source)
    {
        Assert.False(string.IsNullOrEmpty(name));
        return RuleTest.ForAllRules().WithSource(source).VerifyDiagnosticsAsync();
    }

    [Fact]
    public void Corpus_has_at_least_sixty_files_of_each_kind()
    {
        Assert.True(Directory.GetFiles(Folder("Correct"), "*.cs").Length >= 60);
        Assert.True(Directory.GetFiles(Folder("Buggy"), "*.cs").Length >= 60);
    }

    internal static string Read(string kind, string file) => File.ReadAllText(Path.Combine(Folder(kind), file));

    private static string Folder(string kind) => Path.Combine(AppContext.BaseDirectory, "Corpus", kind);

    private static TheoryData<string> Files(string kind)
    {
        var data = new TheoryData<string>();
        foreach (var path in Directory.GetFiles(Folder(kind), "*.cs").OrderBy(p => p, StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(path));
        }

        return data;
    }
}
