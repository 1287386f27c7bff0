using System.Text.Json.Serialization;

namespace NordeaConnect.Sandbox.Webhooks.Delivery;

/// <summary>Where a webhook's delivery stands.</summary>
public enum WebhookDeliveryState
{
    /// <summary>Waiting for its first attempt.</summary>
    Pending,

    /// <summary>An attempt failed; another is scheduled at <see cref="WebhookDeliveryStatus.NextAttemptAt"/>.</summary>
    Retrying,

    /// <summary>The target answered 2xx.</summary>
    Delivered,

    /// <summary>Every retry failed (the reference's <c>webhook_exhausted</c>); no more attempts.</summary>
    Exhausted,

    /// <summary>An e-mail webhook: recorded, not sent.</summary>
    Recorded,
}

/// <summary>
/// One attempt. <see cref="StatusCode"/> is null when no HTTP answer came (connection error, timeout) and for
/// recorded e-mails; <see cref="Error"/> then says why. <see cref="ResponseBody"/> is the start of what the target answered;
/// <see cref="DurationMilliseconds"/> how long the target took to answer, in real time (the network does not follow the test clock).
/// </summary>
public sealed record WebhookDeliveryAttempt(
    [property: JsonPropertyName("number")] int Number,
    [property: JsonPropertyName("at")] DateTimeOffset At,
    [property: JsonPropertyName("status_code")] int? StatusCode,
    [property: JsonPropertyName("reason")] string? ReasonPhrase,
    [property: JsonPropertyName("response_body")] string? ResponseBody,
    [property: JsonPropertyName("error")] string? Error,
    [property: JsonPropertyName("duration_ms")] double? DurationMilliseconds = null)
{
    /// <summary>Whether this attempt delivered the webhook (a 2xx answer).</summary>
    public bool Succeeded => StatusCode is >= 200 and < 300;
}

/// <summary>A webhook's delivery: its state, retry count, next attempt and every attempt so far.</summary>
public sealed record WebhookDeliveryStatus(
    string MerchantId,
    long WebhookId,
    string Trigger,
    WebhookDeliveryState State,
    int RetryCount,
    DateTimeOffset? NextAttemptAt,
    IReadOnlyList<WebhookDeliveryAttempt> Attempts)
{
    /// <summary>The last attempt, whose answer the reference's webhook <c>response</c> object shows.</summary>
    public WebhookDeliveryAttempt? LastAttempt => Attempts.Count > 0 ? Attempts[^1] : null;
}
