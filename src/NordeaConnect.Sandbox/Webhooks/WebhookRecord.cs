namespace NordeaConnect.Sandbox.Webhooks;

/// <summary>
/// A webhook: attached to a transaction in its create call, or made from a template when its trigger fired.
/// Its <see cref="Response"/> is the last answer the target gave.
/// </summary>
internal sealed record WebhookRecord
{
    public required long Id { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>CustomHttp, Email or Receipt (the reference's example shows "Email").</summary>
    public required string Type { get; init; }

    public required string Trigger { get; init; }

    public string? Url { get; init; }

    public string? Email { get; init; }

    public string? HttpMethod { get; init; }

    public string? DataFormat { get; init; }

    public long? TemplateId { get; init; }

    public long? TransactionId { get; init; }

    /// <summary>The last answer of the webhook's target, once an attempt was made.</summary>
    public WebhookResponse? Response { get; init; }

    /// <summary>Failed deliveries retried so far (the <c>retry_count</c> of the reference's retry formula).</summary>
    public int RetryCount { get; init; }

    /// <summary>Whether an attached webhook has fired (each fires once, on the first occurrence of its trigger).</summary>
    public bool Fired { get; init; }
}
