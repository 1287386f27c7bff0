using System.Text.Json.Serialization;

namespace NordeaConnect.Sandbox.Webhooks;

/// <summary>The reference's webhook <c>response</c>: <c>{ "code":"400", "body":"...", "message":"Bad Request", "error":"Net::HTTPBadRequest" }</c>.</summary>
internal sealed record WebhookResponse(
    [property: JsonPropertyName("code")] string Code,
    [property: JsonPropertyName("body")] string? Body,
    [property: JsonPropertyName("message")] string? Message,
    [property: JsonPropertyName("error")] string? Error);
