using System.Text.Json.Serialization;

namespace NordeaConnect.Client;

/// <summary>
/// A custom webhook attached to one transaction when it is created, e.g.
/// <c>{"trigger":"payment_success","email":"myname@domain.com"}</c> or
/// <c>{"url":"https://mybackend.com/confirm","trigger":"payment_success","http_method":"post","data_format":"form_data"}</c>.
/// </summary>
public sealed class WebhookDefinition
{
    /// <summary>The event; see <see cref="WebhookTriggers"/>.</summary>
    [JsonPropertyName("trigger")]
    public required string Trigger { get; init; }

    /// <summary>The target of a custom HTTP webhook.</summary>
    [JsonPropertyName("url")]
    public string? Url { get; init; }

    /// <summary>post, get, put, patch or delete.</summary>
    [JsonPropertyName("http_method")]
    public string? HttpMethod { get; init; }

    /// <summary>json, xml or form_data.</summary>
    [JsonPropertyName("data_format")]
    public string? DataFormat { get; init; }

    /// <summary>The recipient of an e-mail webhook.</summary>
    [JsonPropertyName("email")]
    public string? Email { get; init; }

    public static WebhookDefinition EmailOn(string trigger, string email) => new() { Trigger = trigger, Email = email };

    public static WebhookDefinition HttpOn(string trigger, Uri url, string httpMethod = "post", string dataFormat = "form_data") =>
        new() { Trigger = trigger, Url = url.AbsoluteUri, HttpMethod = httpMethod, DataFormat = dataFormat };
}
