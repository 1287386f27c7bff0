using System.Collections.Immutable;

namespace NordeaConnect.Grains;

/// <summary>One mutation under one idempotency key: its request fingerprint, its status, its outcome and its history.</summary>
public sealed record JournalEntry
{
    public required string Key { get; init; }

    /// <summary>capture, refund, create, debt, ... (see <see cref="OperationNames"/>).</summary>
    public required string Operation { get; init; }

    /// <summary>A canonical hash of the request's fields; the same key with another fingerprint is a different request.</summary>
    public required string Fingerprint { get; init; }

    public required JournalStatus Status { get; init; }

    public required DateTimeOffset StartedAt { get; init; }

    public DateTimeOffset? CompletedAt { get; init; }

    /// <summary>How many times the operation was sent upstream (more than one only after reconciliation found it not done).</summary>
    public int Attempts { get; init; } = 1;

    public OperationDetails Details { get; init; } = new();

    public JournalOutcome? Outcome { get; init; }

    public ImmutableList<JournalNote> Notes { get; init; } = [];

    /// <summary>Intent or Unknown: whether it happened upstream is still to be found out.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool AwaitsReconciliation => Status is JournalStatus.Intent or JournalStatus.Unknown;

    public JournalEntry WithNote(DateTimeOffset at, string text) => this with { Notes = Notes.Add(new JournalNote(at, text)) };
}
