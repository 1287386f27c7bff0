using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Host.Mef;
using Microsoft.CodeAnalysis.Text;
using NordeaConnect.Analyzers.Tests.Verification;

namespace NordeaConnect.Analyzers.Tests.Corpus;

/// <summary>
/// Every fix the package offers on the buggy corpus, one diagnostic at a time: the fixed file compiles and has one
/// diagnostic of that rule fewer. (The exact fixed text of each rule is pinned by the rule's own tests.)
/// </summary>
public sealed partial class CorpusFixTests
{
    public static TheoryData<string> BuggyFiles => CorpusTests.BuggyFiles;

    [Theory]
    [MemberData(nameof(BuggyFiles))]
    public async Task Each_offered_fix_compiles_and_removes_its_diagnostic(string file)
    {
        var source = Markers().Replace(CorpusTests.Read("Buggy", file), string.Empty).Replace("|}", string.Empty, StringComparison.Ordinal);
        var document = await CreateDocumentAsync(source);
        var before = await AnalyzeAsync(document);
        Assert.NotEmpty(before);
        foreach (var diagnostic in before)
        {
            var action = await FindFixAsync(document, diagnostic);
            if (action is null)
            {
                continue;
            }

            var apply = (await action.GetOperationsAsync(CancellationToken.None)).OfType<ApplyChangesOperation>().Single();
            var fixedDocument = apply.ChangedSolution.GetDocument(document.Id)!;
            var compilation = (await fixedDocument.Project.GetCompilationAsync())!;
            var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            Assert.True(errors.Count == 0, file + ": the fix for " + diagnostic.Id + " does not compile:\n" + string.Join("\n", errors) + "\n" + await fixedDocument.GetTextAsync());

            var after = await AnalyzeAsync(fixedDocument);
            Assert.True(
                after.Count(d => d.Id == diagnostic.Id) < before.Count(d => d.Id == diagnostic.Id),
                file + ": the fix for " + diagnostic.Id + " at " + diagnostic.Location.GetLineSpan() + " leaves it in place");
        }
    }

    [Fact]
    public async Task Fixes_are_offered_on_most_of_the_fixable_corpus()
    {
        var fixedFiles = 0;
        foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Corpus", "Buggy"), "*.cs"))
        {
            var source = Markers().Replace(File.ReadAllText(file), string.Empty).Replace("|}", string.Empty, StringComparison.Ordinal);
            var document = await CreateDocumentAsync(source);
            foreach (var diagnostic in await AnalyzeAsync(document))
            {
                if (await FindFixAsync(document, diagnostic) is not null)
                {
                    fixedFiles++;
                    break;
                }
            }
        }

        Assert.True(fixedFiles >= 30, "Only " + fixedFiles + " buggy files are offered a fix.");
    }

    [GeneratedRegex(@"\{\|NC\d{4}:")]
    private static partial Regex Markers();

    private static async Task<Document> CreateDocumentAsync(string source)
    {
        var references = await RuleTest.Net100.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
        var workspace = new AdhocWorkspace(MefHostServices.DefaultHost);
        var projectId = ProjectId.CreateNewId();
        var solution = workspace.CurrentSolution
            .AddProject(ProjectInfo.Create(projectId, VersionStamp.Default, "Corpus", "Corpus", LanguageNames.CSharp)
                .WithCompilationOptions(new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable))
                .WithParseOptions(new CSharpParseOptions(LanguageVersion.Latest))
                .WithMetadataReferences(references))
            .AddDocument(DocumentId.CreateNewId(projectId), PrimitivesStub.FileName, SourceText.From(PrimitivesStub.Source));
        var documentId = DocumentId.CreateNewId(projectId);
        solution = solution.AddDocument(documentId, "Corpus.cs", SourceText.From(source));
        return solution.GetDocument(documentId)!;
    }

    private static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(Document document)
    {
        var compilation = (await document.Project.GetCompilationAsync())!;
        var tree = await document.GetSyntaxTreeAsync();
        var diagnostics = await compilation.WithAnalyzers(RuleTest.AllAnalyzers()).GetAnalyzerDiagnosticsAsync();
        return diagnostics.Where(d => d.Location.SourceTree == tree).ToImmutableArray();
    }

    private static async Task<CodeAction?> FindFixAsync(Document document, Diagnostic diagnostic)
    {
        foreach (var fixer in Fixers.All().Where(f => f.FixableDiagnosticIds.Contains(diagnostic.Id)))
        {
            var actions = new List<CodeAction>();
            await fixer.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None));
            if (actions.Count > 0)
            {
                return actions[0];
            }
        }

        return null;
    }
}
