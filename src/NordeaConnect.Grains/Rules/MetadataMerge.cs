using System.Text.Json;
using System.Text.Json.Nodes;

namespace NordeaConnect.Grains;

/// <summary>
/// Deep merge of JSON metadata, as the reference describes for transaction updates ("the submitted data will be merged
/// with existing Metadata"): objects merge key by key, recursively; any other value (array, string, number, null)
/// in the patch replaces what was there.
/// </summary>
internal static class MetadataMerge
{
    public static JsonElement Merge(JsonElement? existing, JsonElement patch)
    {
        if (patch.ValueKind != JsonValueKind.Object)
        {
            throw new ArgumentException($"Metadata must be a JSON object, not {patch.ValueKind}.", nameof(patch));
        }

        var target = existing is { ValueKind: JsonValueKind.Object } current
            ? (JsonObject)JsonNode.Parse(current.GetRawText())!
            : new JsonObject();
        MergeInto(target, (JsonObject)JsonNode.Parse(patch.GetRawText())!);
        return JsonSerializer.SerializeToElement(target, MetadataJsonContext.Default.JsonObject);
    }

    private static void MergeInto(JsonObject target, JsonObject patch)
    {
        foreach (var (name, value) in patch.ToList())
        {
            patch.Remove(name);
            if (value is JsonObject patchObject && target[name] is JsonObject targetObject)
            {
                MergeInto(targetObject, patchObject);
            }
            else
            {
                target[name] = value;
            }
        }
    }
}
