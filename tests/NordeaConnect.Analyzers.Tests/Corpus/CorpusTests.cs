using NordeaConnect.Analyzers.Tests.Verification;

namespace NordeaConnect.Analyzers.Tests.Corpus;

/// <summary>
/// Every rule at once over a corpus of correct code and of classic bugs. There are at least as many correct snippets as
/// buggy ones, so a rule that cries wolf fails here even when its own test class passes.
/// </summary>
public sealed class CorpusTests
{
    public static TheoryData<string, string> Correct => CorrectSnippets.All;

    public static TheoryData<string, string> Buggy => BuggySnippets.All;

    [Theory]
    [MemberData(nameof(Correct))]
    public Task Correct_code_raises_nothing(string name, string source)
    {
        Assert.False(string.IsNullOrEmpty(name));
        return RuleTest.ForAllRules().WithSource(source).VerifyDiagnosticsAsync();
    }

    [Theory]
    [MemberData(nameof(Buggy))]
    public Task Buggy_code_raises_exactly_its_rules(string name, string source)
    {
        Assert.False(string.IsNullOrEmpty(name));
        return RuleTest.ForAllRules().WithSource(source).VerifyDiagnosticsAsync();
    }

    [Fact]
    public void Corpus_has_at_least_as_many_correct_snippets_as_buggy_ones() =>
        Assert.True(CorrectSnippets.All.Count() >= BuggySnippets.All.Count());
}
