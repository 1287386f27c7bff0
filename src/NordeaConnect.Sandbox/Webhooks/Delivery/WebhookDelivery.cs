namespace NordeaConnect.Sandbox.Webhooks.Delivery;

/// <summary>How a webhook reaches its target.</summary>
public enum WebhookChannel
{
    /// <summary>A custom HTTP webhook: the body is sent to the merchant's URL.</summary>
    Http,

    /// <summary>An e-mail or receipt webhook: recorded, never sent (this is a sandbox).</summary>
    Email,
}

/// <summary>The body formats of custom HTTP webhooks.</summary>
public enum WebhookDataFormat
{
    Json,
    Xml,
    FormData,
}

/// <summary>
/// One webhook to deliver, fully rendered: the store decides what fires and renders the template; delivery only
/// sends what it is given, to exactly the URL given, and records what happened.
/// </summary>
public sealed record WebhookDelivery
{
    private static readonly string[] Methods = ["POST", "GET", "PUT", "PATCH", "DELETE"];

    /// <summary>The merchant the webhook belongs to (its deliveries are listed per merchant).</summary>
    public required string MerchantId { get; init; }

    /// <summary>The webhook's id, as the webhooks show/list endpoints know it; unique per merchant.</summary>
    public required long WebhookId { get; init; }

    /// <summary>The trigger that fired it, e.g. payment_success.</summary>
    public required string Trigger { get; init; }

    public required WebhookChannel Channel { get; init; }

    /// <summary>Target of an HTTP webhook: an absolute http or https URL.</summary>
    public Uri? Url { get; init; }

    /// <summary>POST, GET, PUT, PATCH or DELETE (any case). Default POST.</summary>
    public string HttpMethod { get; init; } = "POST";

    public WebhookDataFormat DataFormat { get; init; } = WebhookDataFormat.Json;

    /// <summary>The rendered payload (see <see cref="WebhookPayloads"/>).</summary>
    public string Body { get; init; } = string.Empty;

    /// <summary>Extra request headers (the template's rendered custom_headers).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; } = [];

    /// <summary>Recipient of an e-mail webhook.</summary>
    public string? Email { get; init; }

    /// <summary>Sender of an e-mail webhook.</summary>
    public string? Sender { get; init; }

    /// <summary>Throws <see cref="ArgumentException"/> naming what is wrong with the delivery.</summary>
    public void Validate()
    {
        if (string.IsNullOrEmpty(MerchantId))
        {
            throw new ArgumentException("A webhook delivery needs the merchant id.", nameof(MerchantId));
        }

        if (string.IsNullOrEmpty(Trigger))
        {
            throw new ArgumentException("A webhook delivery needs its trigger.", nameof(Trigger));
        }

        if (Channel == WebhookChannel.Email)
        {
            return;
        }

        if (Url is null || !Url.IsAbsoluteUri || (Url.Scheme != Uri.UriSchemeHttp && Url.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException("A custom HTTP webhook needs an absolute http or https URL.", nameof(Url));
        }

        if (!Methods.Contains(HttpMethod.ToUpperInvariant()))
        {
            throw new ArgumentException("The webhook http_method must be post, get, put, patch or delete.", nameof(HttpMethod));
        }

        if (!Enum.IsDefined(DataFormat))
        {
            throw new ArgumentException("The webhook data_format must be json, xml or form_data.", nameof(DataFormat));
        }
    }

    /// <summary>Reads a data_format as the reference spells it: json, xml, form_data (or form_post, its other spelling); any case.</summary>
    public static bool TryParseDataFormat(string? text, out WebhookDataFormat format)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case "json":
                format = WebhookDataFormat.Json;
                return true;
            case "xml":
                format = WebhookDataFormat.Xml;
                return true;
            case "form_data" or "form_post":
                format = WebhookDataFormat.FormData;
                return true;
            default:
                format = default;
                return false;
        }
    }
}
