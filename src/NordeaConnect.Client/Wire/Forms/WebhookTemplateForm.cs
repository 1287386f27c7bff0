using Refit;

namespace NordeaConnect.Client;

/// <summary>The form of <c>POST /v1/webhook_templates</c> and <c>PUT /v1/webhook_templates/{id}</c>; null fields are not sent.</summary>
public sealed class WebhookTemplateForm
{
    [AliasAs("url")]
    public string? Url { get; init; }

    [AliasAs("trigger")]
    public string? Trigger { get; init; }

    [AliasAs("type")]
    public string? Type { get; init; }

    [AliasAs("merchant_id")]
    public string? MerchantId { get; init; }

    [AliasAs("email")]
    public string? Email { get; init; }

    [AliasAs("http_method")]
    public string? HttpMethod { get; init; }

    [AliasAs("data_format")]
    public string? DataFormat { get; init; }

    [AliasAs("body")]
    public required string Body { get; init; }

    [AliasAs("custom_headers")]
    public string? CustomHeaders { get; init; }

    [AliasAs("sender")]
    public string? Sender { get; init; }
}
