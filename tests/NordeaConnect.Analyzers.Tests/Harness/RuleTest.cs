using System.Collections.Immutable;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit.Sdk;

namespace NordeaConnect.Analyzers.Tests.Harness;

/// <summary>
/// One rule's test: register the analyzer (and its fixer), give sources with markers where diagnostics are expected,
/// then verify diagnostics, a fix applied one diagnostic at a time, or Fix All over the whole solution.
/// </summary>
internal sealed class RuleTest
{
    private readonly ImmutableArray<DiagnosticAnalyzer> _analyzers;
    private readonly CodeFixProvider? _fixer;
    private readonly string? _ruleId;
    private readonly List<string> _sources = new();
    private readonly List<string> _fixedSources = new();
    private bool _separateProjects;
    private bool _includePrimitives = true;
    private string? _actionTitle;

    private RuleTest(ImmutableArray<DiagnosticAnalyzer> analyzers, CodeFixProvider? fixer, string? ruleId)
    {
        _analyzers = analyzers;
        _fixer = fixer;
        _ruleId = ruleId;
    }

    public static RuleTest For<TAnalyzer>()
        where TAnalyzer : DiagnosticAnalyzer, new()
    {
        var analyzer = new TAnalyzer();
        return new RuleTest(ImmutableArray.Create<DiagnosticAnalyzer>(analyzer), null, analyzer.SupportedDiagnostics[0].Id);
    }

    public static RuleTest For<TAnalyzer, TFixer>()
        where TAnalyzer : DiagnosticAnalyzer, new()
        where TFixer : CodeFixProvider, new()
    {
        var analyzer = new TAnalyzer();
        return new RuleTest(ImmutableArray.Create<DiagnosticAnalyzer>(analyzer), new TFixer(), analyzer.SupportedDiagnostics[0].Id);
    }

    /// <summary>Every rule of the package at once, for code that must be clean of all of them; markers must name their rule.</summary>
    public static RuleTest ForAllRules() => new(AllAnalyzers(), null, null);

    public static ImmutableArray<DiagnosticAnalyzer> AllAnalyzers() =>
        typeof(RuleIdentifiers).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t))
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToImmutableArray();

    public RuleTest WithSource(string markup)
    {
        _sources.Add(markup);
        return this;
    }

    public RuleTest FixedTo(string markup)
    {
        _fixedSources.Add(markup);
        return this;
    }

    /// <summary>Each source in a project of its own, so that Fix All has to cross projects.</summary>
    public RuleTest InSeparateProjects()
    {
        _separateProjects = true;
        return this;
    }

    /// <summary>Apply the code action with this title instead of the first one offered.</summary>
    public RuleTest UsingAction(string title)
    {
        _actionTitle = title;
        return this;
    }

    /// <summary>Leave out NordeaConnect.Primitives, as in a code base that calls Nordea Connect without our packages.</summary>
    public RuleTest WithoutPrimitives()
    {
        _includePrimitives = false;
        return this;
    }

    public async Task VerifyDiagnosticsAsync()
    {
        var parsed = _sources.Select(Markup.Parse).ToList();
        var solution = TestWorkspace.Create(parsed.Select(p => p.Source).ToList(), _separateProjects, _includePrimitives);
        await VerifyDiagnosticsAsync(solution, parsed.Select(p => p.Expected).ToList()).ConfigureAwait(false);
    }

    /// <summary>Applies the fix to one diagnostic at a time until none is left that the fixer offers to fix.</summary>
    public async Task VerifyFixAsync()
    {
        var (solution, fixer) = await PrepareFixAsync().ConfigureAwait(false);
        for (var round = 0; round < 50; round++)
        {
            var action = await FindFirstFixAsync(solution, fixer).ConfigureAwait(false);
            if (action is null)
            {
                break;
            }

            solution = await ApplyAsync(solution, action.Value.Action).ConfigureAwait(false);
        }

        await VerifyFixedAsync(solution).ConfigureAwait(false);
    }

    /// <summary>Fixes every diagnostic of the solution in one Fix All action, scoped to the whole solution.</summary>
    public async Task VerifyFixAllAsync()
    {
        var (solution, fixer) = await PrepareFixAsync().ConfigureAwait(false);
        var first = await FindFirstFixAsync(solution, fixer).ConfigureAwait(false)
            ?? throw new XunitException("The fixer offers no fix for any diagnostic in the source.");

        var provider = fixer.GetFixAllProvider() ?? throw new XunitException("The fixer has no Fix All provider.");
        var context = new FixAllContext(
            first.Document,
            fixer,
            FixAllScope.Solution,
            first.Action.EquivalenceKey,
            fixer.FixableDiagnosticIds,
            new AnalyzerRunner.FixAllDiagnostics(_analyzers),
            CancellationToken.None);
        var fixAll = await provider.GetFixAsync(context).ConfigureAwait(false)
            ?? throw new XunitException("Fix All produced no action.");
        solution = await ApplyAsync(solution, fixAll).ConfigureAwait(false);
        await VerifyFixedAsync(solution).ConfigureAwait(false);
    }

    private async Task<(Solution Solution, CodeFixProvider Fixer)> PrepareFixAsync()
    {
        var fixer = _fixer ?? throw new InvalidOperationException("This rule test has no fixer.");
        if (_fixedSources.Count != _sources.Count)
        {
            throw new InvalidOperationException("Give one fixed source per source.");
        }

        var parsed = _sources.Select(Markup.Parse).ToList();
        var solution = TestWorkspace.Create(parsed.Select(p => p.Source).ToList(), _separateProjects, _includePrimitives);

        // The starting point must itself be what the markers say, or the fix proves nothing.
        await VerifyDiagnosticsAsync(solution, parsed.Select(p => p.Expected).ToList()).ConfigureAwait(false);
        return (solution, fixer);
    }

    private async Task VerifyFixedAsync(Solution solution)
    {
        var expected = _fixedSources.Select(Markup.Parse).ToList();
        for (var i = 0; i < expected.Count; i++)
        {
            var document = FindDocument(solution, TestWorkspace.DocumentName(i));
            var actual = (await document.GetTextAsync().ConfigureAwait(false)).ToString();
            if (!string.Equals(Normalize(actual), Normalize(expected[i].Source), StringComparison.Ordinal))
            {
                throw new XunitException("The fixed source differs.\n--- expected ---\n" + expected[i].Source + "\n--- actual ---\n" + actual);
            }
        }

        // Fixed code compiles (checked by the runner) and has nothing left but what its markers say.
        await VerifyDiagnosticsAsync(solution, expected.Select(p => p.Expected).ToList()).ConfigureAwait(false);
    }

    private async Task<(Document Document, CodeAction Action)?> FindFirstFixAsync(Solution solution, CodeFixProvider fixer)
    {
        var diagnostics = await AnalyzerRunner.RunAsync(solution, _analyzers).ConfigureAwait(false);
        foreach (var diagnostic in diagnostics.Where(d => fixer.FixableDiagnosticIds.Contains(d.Id)))
        {
            var document = solution.GetDocument(diagnostic.Location.SourceTree)
                ?? throw new XunitException("A diagnostic points outside the solution: " + diagnostic);
            var actions = new List<CodeAction>();
            var context = new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None);
            await fixer.RegisterCodeFixesAsync(context).ConfigureAwait(false);
            var chosen = _actionTitle is null ? actions.FirstOrDefault() : actions.FirstOrDefault(a => a.Title == _actionTitle);
            if (chosen is not null)
            {
                return (document, chosen);
            }
        }

        return null;
    }

    private static async Task<Solution> ApplyAsync(Solution solution, CodeAction action)
    {
        var operations = await action.GetOperationsAsync(CancellationToken.None).ConfigureAwait(false);
        var apply = operations.OfType<ApplyChangesOperation>().SingleOrDefault()
            ?? throw new XunitException("The code action '" + action.Title + "' changes nothing.");
        return apply.ChangedSolution;
    }

    private async Task VerifyDiagnosticsAsync(Solution solution, IReadOnlyList<IReadOnlyList<ExpectedDiagnostic>> expectedPerSource)
    {
        var expected = new List<string>();
        for (var i = 0; i < expectedPerSource.Count; i++)
        {
            foreach (var diagnostic in expectedPerSource[i])
            {
                var id = diagnostic.Id ?? _ruleId ?? throw new InvalidOperationException("With every rule running, a marker must name its rule: {|NC1001:...|}.");
                expected.Add(Describe(TestWorkspace.DocumentName(i), id, diagnostic.Span.Start, diagnostic.Span.End));
            }
        }

        var diagnostics = await AnalyzerRunner.RunAsync(solution, _analyzers).ConfigureAwait(false);
        var actual = diagnostics
            .Select(d => Describe(d.Location.SourceTree?.FilePath ?? "(no file)", d.Id, d.Location.SourceSpan.Start, d.Location.SourceSpan.End))
            .ToList();

        expected.Sort(StringComparer.Ordinal);
        actual.Sort(StringComparer.Ordinal);
        if (!expected.SequenceEqual(actual))
        {
            var report = new StringBuilder();
            report.AppendLine("Diagnostics differ.");
            report.AppendLine("--- expected ---");
            expected.ForEach(e => report.AppendLine(e));
            report.AppendLine("--- actual ---");
            foreach (var diagnostic in diagnostics)
            {
                report.Append(Describe(diagnostic.Location.SourceTree?.FilePath ?? "(no file)", diagnostic.Id, diagnostic.Location.SourceSpan.Start, diagnostic.Location.SourceSpan.End));
                report.Append("  '").Append(diagnostic.Location.SourceTree?.GetText().ToString(diagnostic.Location.SourceSpan)).Append("'  ");
                report.AppendLine(diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
            }

            throw new XunitException(report.ToString());
        }
    }

    private static Document FindDocument(Solution solution, string name) =>
        solution.Projects.SelectMany(p => p.Documents).Single(d => d.Name == name);

    private static string Describe(string file, string id, int start, int end) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{file} {id} [{start}..{end})");

    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd();
}
