using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Net.Http.Headers;
using NordeaConnect.Sandbox.Errors;
using NordeaConnect.Sandbox.Json;

namespace NordeaConnect.Sandbox.Http;

/// <summary>
/// Reads a request body (form or JSON) into <see cref="RequestFields"/>, refusing oversized bodies, other content
/// types, malformed syntax and invalid UTF-8 with the reference's 40x and an error object.
/// </summary>
internal static class RequestBodyReader
{
    public const int MaxBodyBytes = 1 << 20;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static async Task<RequestFields> ReadAsync(HttpContext http, CancellationToken cancellationToken)
    {
        var body = await ReadBytesAsync(http.Request, cancellationToken);
        if (body.Length == 0)
        {
            return RequestFields.Empty;
        }

        var contentType = http.Request.ContentType;
        if (!MediaTypeHeaderValue.TryParse(contentType, out var mediaType))
        {
            throw new ApiException(SandboxErrors.UnsupportedMediaType, contentType ?? "(none)");
        }

        if (mediaType.Charset.HasValue && !mediaType.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase))
        {
            throw new ApiException(SandboxErrors.UnsupportedMediaType, contentType!);
        }

        RequestFields fields;
        if (mediaType.MediaType.Equals("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
        {
            fields = ParseForm(body);
        }
        else if (mediaType.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase))
        {
            fields = ParseJson(body);
        }
        else
        {
            throw new ApiException(SandboxErrors.UnsupportedMediaType, mediaType.MediaType.ToString());
        }

        ResponseLocales.Remember(http, fields.OptionalString("locale", 8));
        return fields;
    }

    private static async Task<byte[]> ReadBytesAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            throw new ApiException(SandboxErrors.RequestTooLarge, MaxBodyBytes.ToString(CultureInfo.InvariantCulture));
        }

        using var buffer = new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (buffer.Length + read > MaxBodyBytes)
                {
                    throw new ApiException(SandboxErrors.RequestTooLarge, MaxBodyBytes.ToString(CultureInfo.InvariantCulture));
                }

                buffer.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        return buffer.ToArray();
    }

    private static RequestFields ParseForm(byte[] body)
    {
        string text;
        try
        {
            text = StrictUtf8.GetString(body);
        }
        catch (DecoderFallbackException)
        {
            throw new ApiException(SandboxErrors.BadFormat);
        }

        if (!UrlEncodedForm.TryParse(text, out var pairs, out _))
        {
            throw new ApiException(SandboxErrors.BadFormat);
        }

        var root = new JsonObject();
        foreach (var (key, value) in pairs)
        {
            FormBracketNotation.Assign(root, key, value);
        }

        return new RequestFields(JsonSerializer.SerializeToElement(root, SandboxJsonContext.Default.JsonObject));
    }

    private static RequestFields ParseJson(byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 32 });
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new ApiException(SandboxErrors.JsonErrors);
            }

            return new RequestFields(document.RootElement.Clone());
        }
        catch (JsonException)
        {
            throw new ApiException(SandboxErrors.BadFormat);
        }
    }
}
