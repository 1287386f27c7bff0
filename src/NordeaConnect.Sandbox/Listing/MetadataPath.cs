using System.Globalization;
using System.Text.Json;

namespace NordeaConnect.Sandbox.Listing;

/// <summary>Finds <c>a.b.0.c</c> inside metadata: object properties by name, array elements by index.</summary>
internal static class MetadataPath
{
    /// <summary>The scalar's text, or a marker object when the path names an object or array; null when absent.</summary>
    public static object? Resolve(JsonElement? metadata, string[] path)
    {
        if (metadata is not { } current)
        {
            return null;
        }

        foreach (var segment in path)
        {
            if (current.ValueKind == JsonValueKind.Object && current.TryGetProperty(segment, out var child))
            {
                current = child;
            }
            else if (current.ValueKind == JsonValueKind.Array
                && int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var index)
                && index < current.GetArrayLength())
            {
                current = current[index];
            }
            else
            {
                return null;
            }
        }

        return current.ValueKind switch
        {
            JsonValueKind.Null or JsonValueKind.Undefined => null,
            JsonValueKind.String => current.GetString(),
            JsonValueKind.Object or JsonValueKind.Array => current,
            _ => current.GetRawText(),
        };
    }
}
