using System.Collections.Immutable;

namespace NordeaConnect.Grains;

/// <summary>One mutation under one idempotency key: its request fingerprint, its status, its outcome and its history.</summary>
[GenerateSerializer, Immutable, Alias("nordeaconnect.JournalEntry")]
public sealed record JournalEntry
{
    [Id(0)]
    public required string Key { get; init; }

    /// <summary>capture, refund, create, debt, ... (see <see cref="OperationNames"/>).</summary>
    [Id(1)]
    public required string Operation { get; init; }

    /// <summary>A canonical hash of the request's fields; the same key with another fingerprint is a different request.</summary>
    [Id(2)]
    public required string Fingerprint { get; init; }

    [Id(3)]
    public required JournalStatus Status { get; init; }

    [Id(4)]
    public required DateTimeOffset StartedAt { get; init; }

    /// <summary>
    /// When the upstream call recorded by the intent has certainly ended (started + the call's timeout). Until then the
    /// call may still be in flight on another activation, so reconciliation never judges the entry not done before it.
    /// </summary>
    [Id(10)]
    public DateTimeOffset? Deadline { get; init; }

    [Id(5)]
    public DateTimeOffset? CompletedAt { get; init; }

    /// <summary>How many times the operation was sent upstream (more than one only after reconciliation found it not done).</summary>
    [Id(6)]
    public int Attempts { get; init; } = 1;

    [Id(7)]
    public OperationDetails Details { get; init; } = new();

    [Id(8)]
    public JournalOutcome? Outcome { get; init; }

    [Id(9)]
    public ImmutableList<JournalNote> Notes { get; init; } = [];

    /// <summary>Who asked for the operation (token:&lt;name&gt; or jwt:&lt;subject&gt;), from the call's RequestContext; null when unknown.</summary>
    [Id(11)]
    public string? Caller { get; init; }

    /// <summary>The Orleans RequestContext key under which the gateway passes the caller into grain calls.</summary>
    public const string CallerRequestContextKey = "nc-caller";

    /// <summary>Intent or Unknown: whether it happened upstream is still to be found out.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool AwaitsReconciliation => Status is JournalStatus.Intent or JournalStatus.Unknown;

    public JournalEntry WithNote(DateTimeOffset at, string text) => this with { Notes = Notes.Add(new JournalNote(at, text)) };
}
