using NordeaConnect.Primitives;
using NordeaConnect.Sandbox.Errors;

namespace NordeaConnect.Sandbox.Tests.Api;

/// <summary>The errors the sandbox raises: the table's rows keep the table's text, the sandbox's own are complete in both languages.</summary>
public sealed class ErrorCatalogTests
{
    [Fact]
    public void Table_rows_keep_the_reference_code_name_and_english_text()
    {
        foreach (var error in SandboxErrors.All.Where(e => UpstreamErrorTable.TryGet(e.Code, out _)))
        {
            var row = UpstreamErrorTable.Get(error.Code);
            Assert.Equal(row.Name, error.Name);
            Assert.Equal(row.Description, error.English);
        }
    }

    [Fact]
    public void Every_error_has_a_unique_code_and_name_a_4xx_status_and_a_swedish_text()
    {
        Assert.Equal(SandboxErrors.All.Count, SandboxErrors.All.Select(e => e.Code).Distinct().Count());
        Assert.Equal(SandboxErrors.All.Count, SandboxErrors.All.Select(e => e.Name).Distinct().Count());
        Assert.All(SandboxErrors.All, e => Assert.InRange(e.HttpStatus, 400, 499));
        Assert.All(SandboxErrors.All, e => Assert.NotEqual(e.English, e.Swedish));
    }

    [Fact]
    public void Sandbox_defined_codes_are_outside_the_reference_table()
    {
        foreach (var error in SandboxErrors.All.Where(e => e.Code >= 9000))
        {
            Assert.False(UpstreamErrorTable.TryGet(error.Code, out _), $"{error.Code} is in the reference's table");
            Assert.False(UpstreamErrorTable.TryGetByName(error.Name, out _), $"{error.Name} is in the reference's table");
        }
    }

    [Fact]
    public void Placeholders_match_between_languages()
    {
        foreach (var error in SandboxErrors.All)
        {
            for (var i = 0; i < 3; i++)
            {
                var placeholder = "{" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + "}";
                Assert.Equal(error.English.Contains(placeholder, StringComparison.Ordinal), error.Swedish.Contains(placeholder, StringComparison.Ordinal));
            }
        }
    }
}
