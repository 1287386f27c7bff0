using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace NordeaConnect.Client.Serialization;

/// <summary>
/// Reads a value the reference documents as a string but sometimes sends as a number or boolean
/// (<c>merchant_id</c>, item <c>qty</c>/<c>vat</c>, webhook response <c>code</c>) and keeps its exact text.
/// </summary>
internal sealed class LenientStringConverter : JsonConverter<string>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType switch
        {
            JsonTokenType.String => reader.GetString(),
            JsonTokenType.Number => System.Text.Encoding.UTF8.GetString(reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan),
            JsonTokenType.True => "true",
            JsonTokenType.False => "false",
            JsonTokenType.Null => null,
            _ => throw new JsonException($"Expected a string or number but found {reader.TokenType}."),
        };

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value);
}
