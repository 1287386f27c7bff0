using System.Text.Json.Serialization;

namespace NordeaConnect.Client;

/// <summary>One webhook attached to a transaction (or subscription, stored card) and what happened when it was sent.</summary>
public sealed class Webhook
{
    [JsonPropertyName("id")]
    public long Id { get; init; }

    [JsonPropertyName("created_at")]
    public DateTimeOffset? CreatedAt { get; init; }

    [JsonPropertyName("updated_at")]
    public DateTimeOffset? UpdatedAt { get; init; }

    /// <summary>e.g. CustomHttp, Email.</summary>
    [JsonPropertyName("type")]
    public string? Type { get; init; }

    [JsonPropertyName("trigger")]
    public string? Trigger { get; init; }

    [JsonPropertyName("http_method")]
    public string? HttpMethod { get; init; }

    [JsonPropertyName("email")]
    public string? Email { get; init; }

    [JsonPropertyName("url")]
    public string? Url { get; init; }

    /// <summary>JSON, form_data or XML.</summary>
    [JsonPropertyName("data_format")]
    public string? DataFormat { get; init; }

    /// <summary>How many failed deliveries were retried so far (the reference's retry formula's <c>retry_count</c>).</summary>
    [JsonPropertyName("retry_count")]
    public int? RetryCount { get; init; }

    /// <summary>The HTTP response of the last delivery, when there was one.</summary>
    [JsonPropertyName("response")]
    public WebhookResponse? Response { get; init; }
}
