using System.Text.Json;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;

namespace NordeaConnect.Gateway.Mapping;

/// <summary>
/// Metadata travels as <c>google.protobuf.Struct</c> on the façade and as a JSON object upstream. Both are JSON
/// objects, so the conversion goes through protobuf's own JSON mapping and keeps every value as it was.
/// </summary>
public static class MetadataJson
{
    private static readonly JsonFormatter Formatter = new(JsonFormatter.Settings.Default);

    /// <summary>The Struct as a JSON object, or null when the caller sent none (or an empty one, which upstream treats alike).</summary>
    public static JsonElement? ToJson(Struct? metadata)
    {
        if (metadata is null || metadata.Fields.Count == 0)
        {
            return null;
        }

        using var document = JsonDocument.Parse(Formatter.Format(metadata));
        return document.RootElement.Clone();
    }

    /// <summary>
    /// Upstream metadata as a Struct. Nordea Connect stores objects; anything else (a string, an array) is kept
    /// under the key <c>value</c> so no data is silently dropped.
    /// </summary>
    public static Struct? FromJson(JsonElement? metadata)
    {
        if (metadata is not { } element || element.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
        {
            return null;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            var wrapper = new Struct();
            wrapper.Fields["value"] = JsonParser.Default.Parse<Value>(element.GetRawText());
            return wrapper;
        }

        try
        {
            return JsonParser.Default.Parse<Struct>(element.GetRawText());
        }
        catch (InvalidProtocolBufferException ex)
        {
            // Cannot happen for a JSON object from System.Text.Json, but a corrupt upstream answer must not crash the call.
            throw new InvalidOperationException("Upstream metadata could not be read as a protobuf Struct.", ex);
        }
    }
}
