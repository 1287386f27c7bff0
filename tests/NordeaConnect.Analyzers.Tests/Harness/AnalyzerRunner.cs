using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;

namespace NordeaConnect.Analyzers.Tests.Harness;

/// <summary>Compiles a project and runs analyzers over it; compiler errors and analyzer crashes fail the test.</summary>
internal static class AnalyzerRunner
{
    public static async Task<ImmutableArray<Diagnostic>> RunAsync(Project project, ImmutableArray<DiagnosticAnalyzer> analyzers, CancellationToken cancellationToken = default)
    {
        var compilation = await project.GetCompilationAsync(cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException("The project " + project.Name + " has no compilation.");

        var errors = compilation.GetDiagnostics(cancellationToken).Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0)
        {
            var sources = string.Join("\n\n", project.Documents.Where(d => d.Name != PrimitivesStub.FileName).Select(d => d.GetTextAsync(cancellationToken).Result.ToString()));
            throw new InvalidOperationException("The test source does not compile:\n" + string.Join("\n", errors) + "\n\n" + sources);
        }

        var crashes = new ConcurrentBag<Exception>();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
            (exception, _, _) => crashes.Add(exception),
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: false);
        var diagnostics = await compilation.WithAnalyzers(analyzers, options).GetAnalyzerDiagnosticsAsync(cancellationToken).ConfigureAwait(false);
        if (!crashes.IsEmpty)
        {
            throw new AggregateException("An analyzer threw.", crashes);
        }

        return diagnostics
            .OrderBy(d => d.Location.SourceTree?.FilePath, StringComparer.Ordinal)
            .ThenBy(d => d.Location.SourceSpan.Start)
            .ThenBy(d => d.Id, StringComparer.Ordinal)
            .ToImmutableArray();
    }

    public static async Task<ImmutableArray<Diagnostic>> RunAsync(Solution solution, ImmutableArray<DiagnosticAnalyzer> analyzers)
    {
        var all = ImmutableArray.CreateBuilder<Diagnostic>();
        foreach (var project in solution.Projects.OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            all.AddRange(await RunAsync(project, analyzers).ConfigureAwait(false));
        }

        return all.ToImmutable();
    }

    /// <summary>Feeds Fix All with the same diagnostics the test sees.</summary>
    public sealed class FixAllDiagnostics(ImmutableArray<DiagnosticAnalyzer> analyzers) : FixAllContext.DiagnosticProvider
    {
        public override async Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken)
        {
            var tree = await document.GetSyntaxTreeAsync(cancellationToken).ConfigureAwait(false);
            var diagnostics = await RunAsync(document.Project, analyzers, cancellationToken).ConfigureAwait(false);
            return diagnostics.Where(d => d.Location.SourceTree == tree);
        }

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult(Enumerable.Empty<Diagnostic>());

        public override async Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            await RunAsync(project, analyzers, cancellationToken).ConfigureAwait(false);
    }
}
