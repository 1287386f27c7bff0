using System.Text.Json;
using System.Text.Json.Serialization;

namespace NordeaConnect.Client.Serialization;

/// <summary>
/// Reads an error object in any of the shapes seen: <c>{name, code, description}</c>, that object wrapped in
/// <c>{"error": ...}</c> or <c>{"errors": [...]}</c> (first entry), or a bare message string.
/// </summary>
internal sealed class UpstreamErrorBodyConverter : JsonConverter<UpstreamErrorBody>
{
    public override UpstreamErrorBody? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        return FromElement(document.RootElement);
    }

    public override void Write(Utf8JsonWriter writer, UpstreamErrorBody value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteString("name", value.Name);
        if (value.Code is { } code)
        {
            writer.WriteNumber("code", code);
        }
        else
        {
            writer.WriteNull("code");
        }

        writer.WriteString("description", value.Description);
        writer.WriteEndObject();
    }

    internal static UpstreamErrorBody? FromElement(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                var text = element.GetString();
                return string.IsNullOrWhiteSpace(text) ? null : new UpstreamErrorBody { Description = text };
            case JsonValueKind.Array:
                foreach (var entry in element.EnumerateArray())
                {
                    return FromElement(entry);
                }

                return null;
            case JsonValueKind.Object:
                if (!HasAny(element, "name", "code", "description"))
                {
                    foreach (var wrapper in (ReadOnlySpan<string>)["error", "errors"])
                    {
                        if (element.TryGetProperty(wrapper, out var inner))
                        {
                            return FromElement(inner);
                        }
                    }

                    return null;
                }

                return new UpstreamErrorBody
                {
                    Name = ReadText(element, "name"),
                    Code = ReadCode(element),
                    Description = ReadText(element, "description") ?? ReadText(element, "message"),
                };
            default:
                return null;
        }
    }

    private static bool HasAny(JsonElement element, params ReadOnlySpan<string> names)
    {
        foreach (var name in names)
        {
            if (element.TryGetProperty(name, out _))
            {
                return true;
            }
        }

        return false;
    }

    private static string? ReadText(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Number => value.GetRawText(),
                _ => null,
            }
            : null;

    private static int? ReadCode(JsonElement element)
    {
        if (!element.TryGetProperty("code", out var value))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number))
        {
            return number;
        }

        return value.ValueKind == JsonValueKind.String
            && int.TryParse(value.GetString(), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var parsed)
            ? parsed
            : null;
    }
}
