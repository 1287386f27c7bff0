using System.Text.Json;

namespace NordeaConnect.Grains.Serialization;

/// <summary>JSON held as its UTF-8 text and parsed on demand: for values kept long and read rarely, like cached metadata.</summary>
internal static class CompactJson
{
    public static byte[]? Utf8(JsonElement? element) =>
        element is { ValueKind: not JsonValueKind.Undefined } value ? JsonSerializer.SerializeToUtf8Bytes(value) : null;

    public static JsonElement? Element(byte[]? utf8)
    {
        if (utf8 is null)
        {
            return null;
        }

        var reader = new Utf8JsonReader(utf8);
        return JsonElement.ParseValue(ref reader);
    }
}
