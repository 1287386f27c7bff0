using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Xml;
using Microsoft.AspNetCore.WebUtilities;

namespace NordeaConnect.Gateway.Webhooks;

/// <summary>The body formats of Nordea Connect's custom HTTP webhooks.</summary>
public enum WebhookBodyFormat
{
    Json,
    FormData,
    Xml,
}

/// <summary>
/// Finds the entity id in a webhook body, and nothing else: the object itself (JSON <c>{"id": 42, ...}</c>, form
/// <c>id=42&amp;...</c>, XML <c>&lt;transaction&gt;&lt;id&gt;42&lt;/id&gt;...</c>), or the object wrapped under its
/// kind (<c>{"transaction": {"id": 42}}</c>, <c>transaction[id]=42</c>). Every other field is ignored, because the
/// entity is read again from the API.
/// </summary>
public static class WebhookBodyReader
{
    /// <summary>The format a Content-Type names, or false for one the intake does not take.</summary>
    public static bool TryGetFormat(string? contentType, out WebhookBodyFormat format)
    {
        format = default;
        var mediaType = contentType?.Split(';', 2)[0].Trim().ToLowerInvariant();
        switch (mediaType)
        {
            case "application/json" or "text/json":
                format = WebhookBodyFormat.Json;
                return true;
            case "application/x-www-form-urlencoded":
                format = WebhookBodyFormat.FormData;
                return true;
            case "application/xml" or "text/xml":
                format = WebhookBodyFormat.Xml;
                return true;
            default:
                if (mediaType is not null && mediaType.EndsWith("+json", StringComparison.Ordinal))
                {
                    format = WebhookBodyFormat.Json;
                    return true;
                }

                return false;
        }
    }

    /// <summary>The entity id, or false with a message naming what is wrong with the body.</summary>
    public static bool TryReadId(ReadOnlyMemory<byte> body, WebhookBodyFormat format, string kind, out long id, out string error)
    {
        id = 0;
        try
        {
            return format switch
            {
                WebhookBodyFormat.Json => TryReadJson(body, kind, out id, out error),
                WebhookBodyFormat.FormData => TryReadForm(body, kind, out id, out error),
                WebhookBodyFormat.Xml => TryReadXml(body, kind, out id, out error),
                _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown webhook body format."),
            };
        }
        catch (JsonException failure)
        {
            error = "the body is not valid JSON: " + failure.Message;
            return false;
        }
        catch (XmlException failure)
        {
            error = "the body is not well-formed XML: " + failure.Message;
            return false;
        }
        catch (DecoderFallbackException)
        {
            error = "the body is not valid UTF-8";
            return false;
        }
    }

    private static bool TryReadJson(ReadOnlyMemory<byte> body, string kind, out long id, out string error)
    {
        id = 0;
        using var document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 64 });
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            error = "the JSON body is not an object; expected the " + kind + " object with its id";
            return false;
        }

        if (!root.TryGetProperty("id", out var idElement) && root.TryGetProperty(kind, out var wrapped) && wrapped.ValueKind == JsonValueKind.Object)
        {
            wrapped.TryGetProperty("id", out idElement);
        }

        var text = idElement.ValueKind switch
        {
            JsonValueKind.Number => idElement.GetRawText(),
            JsonValueKind.String => idElement.GetString(),
            _ => null,
        };
        return TryParseId(text, kind, out id, out error);
    }

    private static bool TryReadForm(ReadOnlyMemory<byte> body, string kind, out long id, out string error)
    {
        var fields = QueryHelpers.ParseQuery(new UTF8Encoding(false, true).GetString(body.Span));
        var text = fields.TryGetValue("id", out var direct) ? direct.ToString()
            : fields.TryGetValue(kind + "[id]", out var wrapped) ? wrapped.ToString()
            : null;
        return TryParseId(text, kind, out id, out error);
    }

    private static bool TryReadXml(ReadOnlyMemory<byte> body, string kind, out long id, out string error)
    {
        id = 0;
        // No DTD, no external entities: the body comes from the network.
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, MaxCharactersInDocument = 4 * 1024 * 1024 };
        using var stream = new MemoryStream(body.ToArray(), writable: false);
        using var reader = XmlReader.Create(stream, settings);
        reader.MoveToContent();
        var root = reader.LocalName;
        if (reader.IsEmptyElement)
        {
            return TryParseId(null, kind, out id, out error);
        }

        string? text = null;
        var depth = reader.Depth;
        reader.Read();
        while (!reader.EOF && reader.Depth > depth)
        {
            if (reader.NodeType == XmlNodeType.Element && reader.Depth == depth + 1 && reader.LocalName == "id")
            {
                text = reader.ReadElementContentAsString();
                break;
            }

            if (reader.NodeType == XmlNodeType.Element && reader.Depth == depth + 1)
            {
                reader.Skip();
            }
            else
            {
                reader.Read();
            }
        }

        if (text is null && root != kind)
        {
            error = "the XML root element is <" + root + ">, with no <id> child; expected <" + kind + "><id>...</id></" + kind + ">";
            return false;
        }

        return TryParseId(text, kind, out id, out error);
    }

    private static bool TryParseId(string? text, string kind, out long id, out string error)
    {
        id = 0;
        if (text is null)
        {
            error = "the body has no id field for the " + kind;
            return false;
        }

        if (!long.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out id) || id <= 0)
        {
            error = "the " + kind + " id is not a positive whole number";
            return false;
        }

        error = string.Empty;
        return true;
    }
}
