namespace NordeaConnect.Gateway.Webhooks;

/// <summary>How the webhook intake admits deliveries and registers itself upstream. Set through <c>AddWebhookIntake(o =&gt; ...)</c>.</summary>
public sealed class WebhookIntakeOptions
{
    /// <summary>The header a shared secret may come in (templates can send custom headers).</summary>
    public const string TokenHeader = "X-Webhook-Token";

    /// <summary>
    /// A shared secret every delivery must carry in the header <see cref="TokenHeader"/> (never the URL: request logs keep URLs), or null to
    /// admit anyone who can reach the endpoint. Compared in constant time; never logged.
    /// </summary>
    public string? SharedSecret { get; set; }

    /// <summary>Bodies larger than this are refused with 413. Default 256 KiB (a transaction with many items is a few KiB).</summary>
    public int MaxBodyBytes { get; set; } = 256 * 1024;

    /// <summary>How long the intake waits for the re-read before answering 202 and leaving the event to the inbox processor. Default 10 s.</summary>
    public TimeSpan InlineRefreshTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>First wait before the inbox processor retries an event whose re-read failed; doubles up to 5 min.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How often the inbox processor looks for events to retry. Default 1 s.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long finished events are remembered for deduplication. Default 7 days (upstream retries for about 3).</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How the service's webhooks are registered upstream at start-up.</summary>
    public WebhookRegistrationMode Registration { get; set; } = WebhookRegistrationMode.None;

    /// <summary>
    /// The intake's address as upstream must call it, e.g. https://gateway.example/webhooks/nordeaconnect; the trigger
    /// is appended as the last path segment; the shared secret travels as a custom header, not in the URL. Needed when registering.
    /// </summary>
    public Uri? PublicUrl { get; set; }

    /// <summary>The triggers to register. Default: every trigger except none (rule-engine runs the merchant configures itself).</summary>
    public IReadOnlyList<string> Triggers { get; set; } = WebhookTriggers.KindByTrigger.Keys.Where(t => t != "none").ToArray();

    /// <summary>json, form_data or xml: the format registered templates send. Default json.</summary>
    public string DataFormat { get; set; } = "json";

    public void Validate()
    {
        if (MaxBodyBytes < 1024)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxBodyBytes), MaxBodyBytes, "MaxBodyBytes must be at least 1024.");
        }

        if (InlineRefreshTimeout <= TimeSpan.Zero || RetryBaseDelay <= TimeSpan.Zero || PollInterval <= TimeSpan.Zero || Retention <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(InlineRefreshTimeout), "InlineRefreshTimeout, RetryBaseDelay, PollInterval and Retention must be positive.");
        }

        if (SharedSecret is { Length: < 16 })
        {
            throw new ArgumentException("SharedSecret must be at least 16 characters (or null to admit every delivery).", nameof(SharedSecret));
        }

        if (DataFormat is not ("json" or "form_data" or "xml"))
        {
            throw new ArgumentException("DataFormat '" + DataFormat + "' is not json, form_data or xml.", nameof(DataFormat));
        }

        foreach (var trigger in Triggers)
        {
            if (!WebhookTriggers.KindByTrigger.ContainsKey(trigger))
            {
                throw new ArgumentException("Triggers lists '" + trigger + "', which is not a trigger of the reference: use " + string.Join(", ", WebhookTriggers.KindByTrigger.Keys) + ".", nameof(Triggers));
            }
        }

        if (Registration != WebhookRegistrationMode.None && (PublicUrl is null || !PublicUrl.IsAbsoluteUri || (PublicUrl.Scheme != Uri.UriSchemeHttps && PublicUrl.Scheme != Uri.UriSchemeHttp)))
        {
            throw new ArgumentException("PublicUrl must be the intake's absolute http(s) address (e.g. https://gateway.example/webhooks/nordeaconnect) when Registration is " + Registration + ".", nameof(PublicUrl));
        }
    }

    /// <summary>The URL upstream calls for <paramref name="trigger"/>.</summary>
    public Uri UrlFor(string trigger)
    {
        var baseUrl = PublicUrl ?? throw new InvalidOperationException("PublicUrl is not set.");
        var builder = new UriBuilder(baseUrl);
        builder.Path = builder.Path.TrimEnd('/') + "/" + trigger;
        return builder.Uri;
    }
}

/// <summary>How the service's webhooks reach upstream.</summary>
public enum WebhookRegistrationMode
{
    /// <summary>Someone else configures them (the admin console).</summary>
    None,

    /// <summary>At start-up, one custom HTTP webhook template per trigger, created only where missing (the gateway's own are recognised by URL).</summary>
    Templates,
}
