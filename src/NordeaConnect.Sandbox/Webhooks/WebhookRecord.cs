using System.Collections.Immutable;

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

    public WebhookResponse? Response { get; init; }

    public ImmutableList<WebhookAttempt> Attempts { get; init; } = [];
}
