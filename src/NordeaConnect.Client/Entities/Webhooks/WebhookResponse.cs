using System.Text.Json.Serialization;
using NordeaConnect.Client.Serialization;

namespace NordeaConnect.Client;

/// <summary>What a webhook's target answered, e.g. <c>{"code":"400","body":"...","message":"Bad Request","error":"Net::HTTPBadRequest"}</c>.</summary>
public sealed class WebhookResponse
{
    [JsonPropertyName("code")]
    [JsonConverter(typeof(LenientStringConverter))]
    public string? Code { get; init; }

    [JsonPropertyName("body")]
    public string? Body { get; init; }

    [JsonPropertyName("message")]
    public string? Message { get; init; }

    [JsonPropertyName("error")]
    public string? Error { get; init; }
}
