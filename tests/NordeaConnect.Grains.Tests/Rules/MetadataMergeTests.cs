using System.Text.Json;

namespace NordeaConnect.Grains.Tests.Rules;

public sealed class MetadataMergeTests
{
    private static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement.Clone();

    private static string Merge(string? existing, string patch) =>
        MetadataMerge.Merge(existing is null ? null : Json(existing), Json(patch)).GetRawText();

    [Fact]
    public void Objects_merge_key_by_key_recursively()
    {
        var merged = Merge("""{"shop_order":{"id":"1","lines":2},"channel":"web"}""", """{"shop_order":{"id":"123123"},"campaign":"x"}""");

        Assert.True(JsonElement.DeepEquals(
            Json("""{"shop_order":{"id":"123123","lines":2},"channel":"web","campaign":"x"}"""),
            Json(merged)));
    }

    [Fact]
    public void Arrays_scalars_and_null_in_the_patch_replace_what_was_there()
    {
        var merged = Merge("""{"tags":[1,2],"n":1,"o":{"a":1},"gone":"x"}""", """{"tags":[3],"n":"one","o":5,"gone":null}""");

        Assert.True(JsonElement.DeepEquals(Json("""{"tags":[3],"n":"one","o":5,"gone":null}"""), Json(merged)));
    }

    [Fact]
    public void An_object_replaces_a_scalar_and_merges_into_nothing()
    {
        Assert.True(JsonElement.DeepEquals(Json("""{"a":{"b":1}}"""), Json(Merge("""{"a":1}""", """{"a":{"b":1}}"""))));
        Assert.True(JsonElement.DeepEquals(Json("""{"a":{"b":1}}"""), Json(Merge(null, """{"a":{"b":1}}"""))));
        Assert.True(JsonElement.DeepEquals(Json("""{"a":1}"""), Json(Merge("null", """{"a":1}"""))));
    }

    [Fact]
    public void Merging_the_merged_whole_again_changes_nothing()
    {
        const string existing = """{"a":{"b":1,"c":[1]},"d":"x"}""";
        var merged = Merge(existing, """{"a":{"c":[2]}}""");

        Assert.True(JsonElement.DeepEquals(Json(merged), Json(Merge(merged, merged))));
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("\"text\"")]
    [InlineData("null")]
    public void A_patch_that_is_not_an_object_is_refused(string patch)
    {
        var error = Assert.Throws<ArgumentException>(() => MetadataMerge.Merge(null, Json(patch)));

        Assert.Contains("JSON object", error.Message, StringComparison.Ordinal);
    }
}
