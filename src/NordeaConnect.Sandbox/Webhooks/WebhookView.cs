using System.Text.Json.Serialization;

namespace NordeaConnect.Sandbox.Webhooks;

/// <summary>The webhook object as the reference's transaction example prints it.</summary>
internal sealed record WebhookView
{
    [JsonPropertyName("created_at")] public required DateTimeOffset CreatedAt { get; init; }
    [JsonPropertyName("data_format")] public string? DataFormat { get; init; }
    [JsonPropertyName("email")] public string? Email { get; init; }
    [JsonPropertyName("http_method")] public string? HttpMethod { get; init; }
    [JsonPropertyName("id")] public required long Id { get; init; }
    [JsonPropertyName("response")] public WebhookResponse? Response { get; init; }

    /// <summary>The reference's retry formula counts retries in <c>retry_count</c>; its webhook table does not list it, the sandbox shows it.</summary>
    [JsonPropertyName("retry_count")] public int RetryCount { get; init; }
    [JsonPropertyName("trigger")] public required string Trigger { get; init; }
    [JsonPropertyName("type")] public required string Type { get; init; }
    [JsonPropertyName("url")] public string? Url { get; init; }

    public static WebhookView Of(WebhookRecord webhook) => new()
    {
        CreatedAt = webhook.CreatedAt,
        DataFormat = webhook.DataFormat,
        Email = webhook.Email,
        HttpMethod = webhook.HttpMethod,
        Id = webhook.Id,
        Response = webhook.Response,
        RetryCount = webhook.RetryCount,
        Trigger = webhook.Trigger,
        Type = webhook.Type,
        Url = webhook.Url,
    };
}
