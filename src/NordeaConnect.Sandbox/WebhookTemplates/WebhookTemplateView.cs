using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using NordeaConnect.Sandbox.Json;

namespace NordeaConnect.Sandbox.WebhookTemplates;

/// <summary>The webhook template object.</summary>
internal sealed record WebhookTemplateView
{
    [JsonPropertyName("body")] public required string Body { get; init; }
    [JsonPropertyName("created_at")] public required DateTimeOffset CreatedAt { get; init; }
    [JsonPropertyName("custom_headers")] public string? CustomHeaders { get; init; }
    [JsonPropertyName("data_format")] public string? DataFormat { get; init; }
    [JsonPropertyName("email")] public string? Email { get; init; }
    [JsonPropertyName("http_method")] public string? HttpMethod { get; init; }
    [JsonPropertyName("id")] public required long Id { get; init; }
    [JsonPropertyName("merchant_id")] public required JsonNode MerchantId { get; init; }
    [JsonPropertyName("sender")] public string? Sender { get; init; }
    [JsonPropertyName("trigger")] public required string Trigger { get; init; }
    [JsonPropertyName("type")] public required string Type { get; init; }
    [JsonPropertyName("updated_at")] public required DateTimeOffset UpdatedAt { get; init; }
    [JsonPropertyName("url")] public string? Url { get; init; }

    public static WebhookTemplateView Of(WebhookTemplateRecord template, string merchantId) => new()
    {
        Body = template.Body,
        CreatedAt = template.CreatedAt,
        CustomHeaders = template.CustomHeaders,
        DataFormat = template.DataFormat,
        Email = template.Email,
        HttpMethod = template.HttpMethod,
        Id = template.Id,
        MerchantId = MerchantIdJson.Of(merchantId),
        Sender = template.Sender,
        Trigger = template.Trigger,
        Type = template.Type,
        UpdatedAt = template.UpdatedAt,
        Url = template.Url,
    };
}
