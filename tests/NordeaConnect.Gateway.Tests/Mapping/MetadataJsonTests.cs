using System.Text.Json;
using Google.Protobuf.WellKnownTypes;
using NordeaConnect.Gateway.Mapping;

namespace NordeaConnect.Gateway.Tests.Mapping;

public sealed class MetadataJsonTests
{
    [Fact]
    public void Struct_and_json_object_round_trip_every_kind_of_value()
    {
        const string Json = """{"customer":{"name":"Åsa Öberg","vip":true,"visits":3,"tags":["a","b"],"note":null},"amount":12.5}""";
        using var document = JsonDocument.Parse(Json);

        var metadata = MetadataJson.FromJson(document.RootElement);
        Assert.NotNull(metadata);
        Assert.Equal("Åsa Öberg", metadata.Fields["customer"].StructValue.Fields["name"].StringValue);
        Assert.True(metadata.Fields["customer"].StructValue.Fields["vip"].BoolValue);
        Assert.Equal(3, metadata.Fields["customer"].StructValue.Fields["visits"].NumberValue);
        Assert.Equal(Value.KindOneofCase.NullValue, metadata.Fields["customer"].StructValue.Fields["note"].KindCase);
        Assert.Equal(2, metadata.Fields["customer"].StructValue.Fields["tags"].ListValue.Values.Count);

        var back = MetadataJson.ToJson(metadata);
        Assert.NotNull(back);
        Assert.Equal("Åsa Öberg", back.Value.GetProperty("customer").GetProperty("name").GetString());
        Assert.Equal(12.5m, back.Value.GetProperty("amount").GetDecimal());
        Assert.Equal(JsonValueKind.Null, back.Value.GetProperty("customer").GetProperty("note").ValueKind);
    }

    [Fact]
    public void Empty_or_missing_metadata_is_null_both_ways()
    {
        Assert.Null(MetadataJson.ToJson(null));
        Assert.Null(MetadataJson.ToJson(new Struct()));
        Assert.Null(MetadataJson.FromJson(null));
        using var document = JsonDocument.Parse("null");
        Assert.Null(MetadataJson.FromJson(document.RootElement));
    }

    [Fact]
    public void Non_object_upstream_metadata_is_kept_under_value()
    {
        using var document = JsonDocument.Parse("""["x", 1]""");
        var metadata = MetadataJson.FromJson(document.RootElement);
        Assert.NotNull(metadata);
        Assert.Equal("x", metadata.Fields["value"].ListValue.Values[0].StringValue);
    }
}
