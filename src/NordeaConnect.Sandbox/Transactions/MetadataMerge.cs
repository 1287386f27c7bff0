using System.Text.Json;
using System.Text.Json.Nodes;
using NordeaConnect.Sandbox.Json;

namespace NordeaConnect.Sandbox.Transactions;

/// <summary>
/// "The submitted data will be merged with existing Metadata": objects merge key by key, recursively; anything
/// else (strings, numbers, arrays) replaces what was there.
/// </summary>
internal static class MetadataMerge
{
    public static JsonElement Merge(JsonElement? existing, JsonElement patch)
    {
        if (existing is not { ValueKind: JsonValueKind.Object } current)
        {
            return patch;
        }

        var target = JsonObject.Create(current)!;
        var merged = Merge(target, JsonObject.Create(patch)!);
        return JsonSerializer.SerializeToElement(merged, SandboxJsonContext.Default.JsonObject);
    }

    private static JsonObject Merge(JsonObject target, JsonObject patch)
    {
        foreach (var (key, value) in patch.ToArray())
        {
            if (value is JsonObject patchObject && target[key] is JsonObject targetObject)
            {
                Merge(targetObject, patchObject);
            }
            else
            {
                target[key] = value?.DeepClone();
            }
        }

        return target;
    }
}
