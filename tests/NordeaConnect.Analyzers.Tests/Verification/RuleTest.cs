using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace NordeaConnect.Analyzers.Tests.Verification;

/// <summary>
/// Microsoft.CodeAnalysis.Testing's <see cref="CSharpCodeFixTest{TAnalyzer, TCodeFix, TVerifier}"/> set up for these
/// rules: the analyzers (one, or all of the package) and their fixer, NordeaConnect.Primitives compiled into every
/// project, and .NET 10 reference assemblies. Markup is the standard one: <c>[|x|]</c> for the rule under test,
/// <c>{|NC2001:x|}</c> for a named rule.
/// </summary>
internal sealed class RuleTest : CSharpCodeFixTest<EmptyDiagnosticAnalyzer, EmptyCodeFixProvider, DefaultVerifier>
{
    /// <summary>
    /// The reference pack of the runtime these tests run on, at a version the package copy serves: the harness downloads
    /// it once into its cache (<c>$TMPDIR/test-packages</c>) through the machine's NuGet sources.
    /// </summary>
    public static readonly ReferenceAssemblies Net100 = new(
        "net10.0",
        new PackageIdentity("Microsoft.NETCore.App.Ref", "10.0.12"),
        Path.Combine("ref", "net10.0"));

    private readonly ImmutableArray<DiagnosticAnalyzer> _analyzers;
    private ImmutableArray<CodeFixProvider> _fixers;
    private readonly List<string> _sources = new();
    private readonly List<string> _fixedSources = new();
    private bool _separateProjects;
    private bool _includePrimitives = true;

    private RuleTest(ImmutableArray<DiagnosticAnalyzer> analyzers, ImmutableArray<CodeFixProvider> fixers)
    {
        _analyzers = analyzers;
        _fixers = fixers;
        ReferenceAssemblies = Net100;

        // [|x|] is the rule under test: the analyzer's first rule (an analyzer may report a second, named in markup).
        MarkupOptions = MarkupOptions.UseFirstDescriptor;

        // Markers in the fixed code are the diagnostics left after the fix.
        FixedState.MarkupHandling = MarkupMode.Allow;
        SolutionTransforms.Add((solution, projectId) =>
        {
            var project = solution.GetProject(projectId)!;
            var options = (CSharpCompilationOptions)project.CompilationOptions!;
            return solution
                .WithProjectCompilationOptions(projectId, options.WithNullableContextOptions(NullableContextOptions.Enable))
                .WithProjectParseOptions(projectId, ((CSharpParseOptions)project.ParseOptions!).WithLanguageVersion(LanguageVersion.Latest));
        });
    }

    public static RuleTest For<TAnalyzer>()
        where TAnalyzer : DiagnosticAnalyzer, new() =>
        new(ImmutableArray.Create<DiagnosticAnalyzer>(new TAnalyzer()), ImmutableArray<CodeFixProvider>.Empty);

    public static RuleTest For<TAnalyzer, TFixer>()
        where TAnalyzer : DiagnosticAnalyzer, new()
        where TFixer : CodeFixProvider, new() =>
        new(ImmutableArray.Create<DiagnosticAnalyzer>(new TAnalyzer()), ImmutableArray.Create<CodeFixProvider>(new TFixer()));

    /// <summary>Every rule and fix of the package at once; markers must name their rule.</summary>
    public static RuleTest ForAllRules() => new(AllAnalyzers(), Fixers.All().ToImmutableArray());

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

    /// <summary>Each source in a project of its own, so that Fix All in solution scope has to cross projects.</summary>
    public RuleTest InSeparateProjects()
    {
        _separateProjects = true;
        return this;
    }

    /// <summary>Apply the code action with this title (its equivalence key) instead of the first one offered.</summary>
    public RuleTest UsingAction(string title)
    {
        CodeActionEquivalenceKey = title;
        return this;
    }

    /// <summary>Leave out NordeaConnect.Primitives, as in a code base that calls Nordea Connect without our packages.</summary>
    public RuleTest WithoutPrimitives()
    {
        _includePrimitives = false;
        return this;
    }

    public Task VerifyDiagnosticsAsync()
    {
        // Diagnostics only: with no fixer the harness does not expect the (unchanged) source to be the fixed one.
        _fixers = ImmutableArray<CodeFixProvider>.Empty;
        Fill(TestState, _sources);
        return RunAsync();
    }

    /// <summary>The fix applied one diagnostic at a time; the fixed code must compile and carry only its markers.</summary>
    public Task VerifyFixAsync()
    {
        CodeFixTestBehaviors |= CodeFixTestBehaviors.SkipFixAllCheck;
        return VerifyFixedAsync();
    }

    /// <summary>One diagnostic at a time and Fix All in document, project and solution scope must all reach the fixed code.</summary>
    public Task VerifyFixAllAsync() => VerifyFixedAsync();

    protected override IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers() => _analyzers;

    protected override IEnumerable<CodeFixProvider> GetCodeFixProviders() => _fixers;

    private Task VerifyFixedAsync()
    {
        if (_fixedSources.Count != _sources.Count)
        {
            throw new InvalidOperationException("Give one fixed source per source.");
        }

        Fill(TestState, _sources);
        Fill(FixedState, _fixedSources);
        return RunAsync();
    }

    private void Fill(SolutionState state, List<string> sources)
    {
        for (var i = 0; i < sources.Count; i++)
        {
            var project = _separateProjects && i > 0 ? AdditionalProject(state, i) : state;
            project.Sources.Add(("/" + i + "/Test" + i + ".cs", sources[i]));
            if (_includePrimitives && (_separateProjects || i == 0))
            {
                project.Sources.Add(("/" + i + "/" + PrimitivesStub.FileName, PrimitivesStub.Source));
            }
        }
    }

    private static ProjectState AdditionalProject(SolutionState state, int index)
    {
        var name = "Project" + index;
        if (!state.AdditionalProjects.TryGetValue(name, out var project))
        {
            project = new ProjectState(name, LanguageNames.CSharp, "/" + index + "/", "cs");
            state.AdditionalProjects.Add(name, project);
        }

        return project;
    }
}
