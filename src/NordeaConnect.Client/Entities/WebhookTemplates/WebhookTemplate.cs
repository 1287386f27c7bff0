using System.Text.Json.Serialization;
using NordeaConnect.Client.Serialization;

namespace NordeaConnect.Client;

/// <summary>A merchant's reporting template for e-mails or HTTP requests sent on payment events.</summary>
public sealed class WebhookTemplate
{
    [JsonPropertyName("id")]
    public long Id { get; init; }

    [JsonPropertyName("created_at")]
    public DateTimeOffset? CreatedAt { get; init; }

    [JsonPropertyName("updated_at")]
    public DateTimeOffset? UpdatedAt { get; init; }

    /// <summary>Target URL of an HTTP webhook; may contain Liquid.</summary>
    [JsonPropertyName("url")]
    public string? Url { get; init; }

    /// <summary>The triggering event; see <see cref="WebhookTriggers"/>.</summary>
    [JsonPropertyName("trigger")]
    public string? Trigger { get; init; }

    /// <summary>custom_http, email or receipt (or the <c>Webhook::...</c> class names).</summary>
    [JsonPropertyName("type")]
    public string? Type { get; init; }

    [JsonPropertyName("merchant_id")]
    [JsonConverter(typeof(LenientStringConverter))]
    public string? MerchantId { get; init; }

    [JsonPropertyName("email")]
    public string? Email { get; init; }

    [JsonPropertyName("http_method")]
    public string? HttpMethod { get; init; }

    /// <summary>json, xml or form_post.</summary>
    [JsonPropertyName("data_format")]
    public string? DataFormat { get; init; }

    /// <summary>E-mail HTML or HTTP payload; may contain Liquid.</summary>
    [JsonPropertyName("body")]
    public string? Body { get; init; }

    /// <summary>Headers as <c>key=value key2=value2</c>; may contain Liquid.</summary>
    [JsonPropertyName("custom_headers")]
    public string? CustomHeaders { get; init; }

    [JsonPropertyName("sender")]
    public string? Sender { get; init; }
}
