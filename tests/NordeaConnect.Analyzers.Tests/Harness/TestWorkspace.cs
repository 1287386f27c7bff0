using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Host.Mef;
using Microsoft.CodeAnalysis.Text;

namespace NordeaConnect.Analyzers.Tests.Harness;

/// <summary>Builds an <see cref="AdhocWorkspace"/> solution from test sources: one project, or one project per source.</summary>
internal static class TestWorkspace
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> s_references = new(LoadReferences);

    public static ImmutableArray<MetadataReference> References => s_references.Value;

    public static Solution Create(IReadOnlyList<string> sources, bool separateProjects, bool includePrimitives)
    {
        var workspace = new AdhocWorkspace(MefHostServices.DefaultHost);
        var solution = workspace.CurrentSolution;
        var projectCount = separateProjects ? sources.Count : 1;
        for (var p = 0; p < projectCount; p++)
        {
            var projectId = ProjectId.CreateNewId();
            var name = "Project" + p;
            solution = solution
                .AddProject(ProjectInfo.Create(projectId, VersionStamp.Default, name, name, LanguageNames.CSharp)
                    .WithCompilationOptions(new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable))
                    .WithParseOptions(new CSharpParseOptions(LanguageVersion.Latest))
                    .WithMetadataReferences(References));

            if (includePrimitives)
            {
                solution = solution.AddDocument(DocumentId.CreateNewId(projectId), PrimitivesStub.FileName, SourceText.From(PrimitivesStub.Source), filePath: PrimitivesStub.FileName);
            }

            var indices = separateProjects ? new[] { p } : Enumerable.Range(0, sources.Count).ToArray();
            foreach (var index in indices)
            {
                solution = solution.AddDocument(DocumentId.CreateNewId(projectId), DocumentName(index), SourceText.From(sources[index]), filePath: DocumentName(index));
            }
        }

        return solution;
    }

    public static string DocumentName(int index) => "Test" + index + ".cs";

    private static ImmutableArray<MetadataReference> LoadReferences()
    {
        var trusted = (string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")
            ?? throw new InvalidOperationException("The runtime did not report its trusted platform assemblies.");
        return trusted.Split(Path.PathSeparator)
            .Where(path => Path.GetFileName(path) is var file && (file.StartsWith("System.", StringComparison.Ordinal) || file is "mscorlib.dll" or "netstandard.dll"))
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray();
    }
}
