using NordeaConnect.Primitives;

namespace NordeaConnect.Primitives.Tests.Results;

public sealed class ResultCodeDocumentTests
{
    private static string DocumentPath => Path.Combine(SpecText.RepositoryRoot, "docs", "result-codes.md");

    [Fact]
    public void Docs_result_codes_md_is_the_rendering_of_the_table()
    {
        var rendered = ResultCodeDocument.Render();
        if (Environment.GetEnvironmentVariable("NC_UPDATE_DOCS") == "1")
        {
            File.WriteAllText(DocumentPath, rendered);
        }

        Assert.True(File.Exists(DocumentPath), $"{DocumentPath} is missing; regenerate it with NC_UPDATE_DOCS=1 dotnet test tests/NordeaConnect.Primitives.Tests");
        Assert.True(
            File.ReadAllText(DocumentPath) == rendered,
            "docs/result-codes.md has drifted from the table in NordeaConnect.Primitives; regenerate it with NC_UPDATE_DOCS=1 dotnet test tests/NordeaConnect.Primitives.Tests");
    }

    [Fact]
    public void The_document_lists_every_upstream_code()
    {
        var rendered = ResultCodeDocument.Render();
        Assert.All(UpstreamErrorTable.All, e => Assert.Contains($"| {e.Code} | `{e.Name}` | `{e.ResultCode.Value}` |", rendered, StringComparison.Ordinal));
        Assert.Contains("| `100.200.001` | RefundExceedsAvailable |", rendered, StringComparison.Ordinal);
    }
}
