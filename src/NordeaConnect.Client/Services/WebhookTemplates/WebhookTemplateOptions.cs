namespace NordeaConnect.Client;

/// <summary>
/// The fields of <c>POST /v1/webhook_templates</c> and <c>PUT /v1/webhook_templates/{id}</c>. On create, trigger,
/// type and body are required; merchant_id is filled from the client's settings when not given.
/// </summary>
public sealed class WebhookTemplateOptions
{
    /// <summary>Target of an HTTP webhook; may contain Liquid.</summary>
    public string? Url { get; init; }

    /// <summary>See <see cref="WebhookTriggers"/>.</summary>
    public string? Trigger { get; init; }

    /// <summary>Either spelling, <c>Webhook::CustomHttpWebhook</c> or <c>custom_http</c> (see <see cref="WebhookTemplateTypes"/>): create sends the class name, update the short name, as the reference documents each call.</summary>
    public string? Type { get; init; }

    /// <summary>Defaults to the client's merchant id.</summary>
    public string? MerchantId { get; init; }

    public string? Email { get; init; }

    /// <summary>POST, GET, PATCH or PUT.</summary>
    public string? HttpMethod { get; init; }

    /// <summary>json, xml or form_post.</summary>
    public string? DataFormat { get; init; }

    /// <summary>E-mail HTML or HTTP payload; may contain Liquid. Required on create and update.</summary>
    public required string Body { get; init; }

    /// <summary><c>key=value key2=value2</c>; may contain Liquid.</summary>
    public string? CustomHeaders { get; init; }

    public string? Sender { get; init; }
}
