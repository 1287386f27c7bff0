using System.Text.RegularExpressions;
using NordeaConnect.Primitives;

namespace NordeaConnect.Primitives.Tests.Results;

public sealed partial class UpstreamErrorTableTests
{
    [GeneratedRegex(@"^(\d+) \| (errors\.[^ |]+) \| (.*?) \|\s*$", RegexOptions.Multiline)]
    private static partial Regex ErrorRow();

    private static IReadOnlyList<(int Code, string Name, string Description)> ReferenceRows()
    {
        var reference = SpecText.Load();
        var start = reference.IndexOf("List of error messages:", StringComparison.Ordinal);
        Assert.True(start > 0, "The reference's error table heading was not found.");
        var end = reference.IndexOf("More Information", start, StringComparison.Ordinal);
        var rows = ErrorRow().Matches(reference[start..end])
            .Select(m => (int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), m.Groups[2].Value, m.Groups[3].Value.Trim()))
            .ToList();
        Assert.True(rows.Count > 150, $"Only {rows.Count} rows were parsed from the reference's error table.");
        return rows;
    }

    [Fact]
    public void Every_error_code_of_the_reference_is_mapped_with_its_name_and_description()
    {
        var unmapped = new List<string>();
        foreach (var (code, name, description) in ReferenceRows())
        {
            if (!UpstreamErrorTable.TryGet(code, out var mapped))
            {
                unmapped.Add($"{code} {name}");
                continue;
            }

            Assert.Equal(name, mapped.Name);
            Assert.Equal(description, mapped.Description);
        }

        Assert.True(unmapped.Count == 0, "Unmapped upstream error codes: " + string.Join(", ", unmapped));
    }

    [Fact]
    public void The_table_holds_nothing_the_reference_does_not_list()
    {
        var referenceCodes = ReferenceRows().Select(r => r.Code).ToHashSet();
        Assert.All(UpstreamErrorTable.All, e => Assert.Contains(e.Code, referenceCodes));
        Assert.Equal(referenceCodes.Count, UpstreamErrorTable.All.Count);
    }

    [Fact]
    public void The_invoice_codes_are_included() =>
        Assert.Equal(
            ReferenceRows().Count(r => r.Name.StartsWith("errors.invoice.", StringComparison.Ordinal)),
            UpstreamErrorTable.All.Count(e => e.Name.StartsWith("errors.invoice.", StringComparison.Ordinal)));

    [Fact]
    public void Each_code_maps_to_one_distinct_result_code_that_encodes_it()
    {
        Assert.Equal(UpstreamErrorTable.All.Count, UpstreamErrorTable.All.Select(e => e.ResultCode).Distinct().Count());
        foreach (var error in UpstreamErrorTable.All)
        {
            var groups = error.ResultCode.Value.Split('.');
            Assert.Equal(100 + (100 * (error.Code / 1000)), int.Parse(groups[1], System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(error.Code % 1000, int.Parse(groups[2], System.Globalization.CultureInfo.InvariantCulture));
            Assert.Contains(error.ResultCode.Kind, new[] { ResultCodeKind.UpstreamValidation, ResultCodeKind.Declined, ResultCodeKind.SystemTrouble });
        }
    }

    [Theory]
    [InlineData(261, ResultCodeKind.Declined, GrpcStatusCode.FailedPrecondition)]
    [InlineData(226, ResultCodeKind.Declined, GrpcStatusCode.FailedPrecondition)]
    [InlineData(4001, ResultCodeKind.Declined, GrpcStatusCode.FailedPrecondition)]
    [InlineData(243, ResultCodeKind.SystemTrouble, GrpcStatusCode.Unavailable)]
    [InlineData(269, ResultCodeKind.SystemTrouble, GrpcStatusCode.Unavailable)]
    [InlineData(276, ResultCodeKind.SystemTrouble, GrpcStatusCode.Internal)]
    [InlineData(259, ResultCodeKind.UpstreamValidation, GrpcStatusCode.InvalidArgument)]
    [InlineData(296, ResultCodeKind.UpstreamValidation, GrpcStatusCode.NotFound)]
    [InlineData(2084, ResultCodeKind.UpstreamValidation, GrpcStatusCode.AlreadyExists)]
    public void Classifies_declines_trouble_and_validation(int code, ResultCodeKind kind, GrpcStatusCode status)
    {
        var error = UpstreamErrorTable.Get(code);
        Assert.Equal(kind, error.ResultCode.Kind);
        Assert.Equal(status, error.GrpcStatus);
    }

    [Fact]
    public void Lookups_by_name_and_unknown_codes()
    {
        Assert.True(UpstreamErrorTable.TryGetByName("errors.items.amount_not_valid", out var byName));
        Assert.Equal(259, byName.Code);
        Assert.False(UpstreamErrorTable.TryGet(118, out _));
        var error = Assert.Throws<KeyNotFoundException>(() => UpstreamErrorTable.Get(118));
        Assert.Contains("118", error.Message, StringComparison.Ordinal);
    }
}
