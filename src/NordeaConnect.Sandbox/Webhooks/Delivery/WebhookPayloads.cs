using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml;
using NordeaConnect.Sandbox.Templating;

namespace NordeaConnect.Sandbox.Webhooks.Delivery;

/// <summary>
/// Builds webhook bodies: a template rendered against the event's object, or (for webhooks without a template)
/// the object itself in the webhook's data format. Also the content types and the custom_headers syntax.
/// </summary>
public static class WebhookPayloads
{
    /// <summary>The Content-Type sent with each format.</summary>
    public static string ContentType(WebhookDataFormat format) => format switch
    {
        WebhookDataFormat.Json => "application/json; charset=utf-8",
        WebhookDataFormat.Xml => "application/xml; charset=utf-8",
        WebhookDataFormat.FormData => "application/x-www-form-urlencoded",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown webhook data format."),
    };

    /// <summary>Renders a template with the event's object under <paramref name="rootName"/> (<c>{{ transaction.amount }}</c>).</summary>
    public static string Render(LiquidTemplate template, string rootName, JsonNode? data, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentException.ThrowIfNullOrEmpty(rootName);
        return template.Render(new JsonObject { [rootName] = data?.DeepClone() }, time);
    }

    /// <summary>
    /// The event's object in <paramref name="format"/>: JSON as the object itself; form data as its fields in
    /// bracket notation (<c>metadata[products][0][name]=Shoe</c>); XML under a <paramref name="rootName"/> element.
    /// </summary>
    public static string Serialize(JsonNode? data, string rootName, WebhookDataFormat format)
    {
        ArgumentException.ThrowIfNullOrEmpty(rootName);
        return format switch
        {
            WebhookDataFormat.Json => data?.ToJsonString() ?? "null",
            WebhookDataFormat.FormData => ToForm(data),
            WebhookDataFormat.Xml => ToXml(data, rootName),
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown webhook data format."),
        };
    }

    /// <summary>
    /// Reads rendered custom_headers, the reference's <c>key=value key2=value2</c>: pairs separated by whitespace,
    /// each split at its first '='. Refuses names that are not HTTP tokens and values with line breaks.
    /// </summary>
    public static bool TryParseCustomHeaders(string? text, out IReadOnlyList<KeyValuePair<string, string>> headers, out string error)
    {
        var parsed = new List<KeyValuePair<string, string>>();
        headers = parsed;
        error = string.Empty;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        foreach (var pair in text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                error = "custom_headers must be key=value pairs separated by spaces; '" + pair + "' has no key=value.";
                return false;
            }

            var name = pair[..equals];
            var value = pair[(equals + 1)..];
            if (!name.All(IsTokenChar))
            {
                error = "custom_headers: '" + name + "' is not a valid header name.";
                return false;
            }

            parsed.Add(KeyValuePair.Create(name, value));
        }

        return true;
    }

    private static bool IsTokenChar(char c) => char.IsAsciiLetterOrDigit(c) || "!#$%&'*+-.^_`|~".Contains(c, StringComparison.Ordinal);

    private static string ToForm(JsonNode? data)
    {
        var fields = new List<KeyValuePair<string, string>>();
        Flatten(data, prefix: null, fields);
        return string.Join('&', fields.Select(field => Uri.EscapeDataString(field.Key) + "=" + Uri.EscapeDataString(field.Value)));
    }

    private static void Flatten(JsonNode? node, string? prefix, List<KeyValuePair<string, string>> fields)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj)
                {
                    Flatten(value, prefix is null ? key : prefix + "[" + key + "]", fields);
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    Flatten(array[i], (prefix ?? "data") + "[" + i.ToString(CultureInfo.InvariantCulture) + "]", fields);
                }

                break;
            default:
                fields.Add(KeyValuePair.Create(prefix ?? "data", ScalarText(node)));
                break;
        }
    }

    private static string ToXml(JsonNode? data, string rootName)
    {
        var output = new StringBuilder();
        var settings = new XmlWriterSettings { OmitXmlDeclaration = false, Encoding = new UTF8Encoding(false), Indent = false };
        using (var writer = XmlWriter.Create(new StringWriter(output, CultureInfo.InvariantCulture), settings))
        {
            writer.WriteStartDocument();
            WriteElement(writer, rootName, data);
            writer.WriteEndDocument();
        }

        // StringWriter reports UTF-16; the body is sent as UTF-8 and says so.
        return output.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\"", StringComparison.Ordinal);
    }

    private static void WriteElement(XmlWriter writer, string name, JsonNode? node)
    {
        writer.WriteStartElement(XmlConvert.EncodeLocalName(name));
        switch (node)
        {
            case null:
                writer.WriteAttributeString("nil", "true");
                break;
            case JsonObject obj:
                foreach (var (key, value) in obj)
                {
                    WriteElement(writer, key, value);
                }

                break;
            case JsonArray array:
                writer.WriteAttributeString("type", "array");
                foreach (var item in array)
                {
                    WriteElement(writer, "item", item);
                }

                break;
            default:
                writer.WriteString(ScalarText(node));
                break;
        }

        writer.WriteEndElement();
    }

    private static string ScalarText(JsonNode? node) => node switch
    {
        null => string.Empty,
        JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
        _ => node.ToJsonString(),
    };

    internal static MediaTypeHeaderValue MediaType(WebhookDataFormat format) => MediaTypeHeaderValue.Parse(ContentType(format));
}
