namespace NordeaConnect.Grains;

/// <summary>
/// One mutation as the journal keeper runs it: its key and fingerprint, the check against cached state, the details
/// kept for reconciliation, the upstream call, and how to rebuild a result from a recorded outcome.
/// </summary>
internal sealed class JournaledOperation<T>
{
    public required string? IdempotencyKey { get; init; }

    public required string Operation { get; init; }

    public required string Fingerprint { get; init; }

    /// <summary>Runs after any earlier entry was reconciled; a refusal ends the call without journaling or calling upstream.</summary>
    public Func<CancellationToken, Task<Refusal?>> CheckAsync { get; init; } = static _ => Task.FromResult<Refusal?>(null);

    /// <summary>What reconciliation will need, taken just before the upstream call.</summary>
    public Func<OperationDetails> Details { get; init; } = static () => new OperationDetails();

    /// <summary>Calls upstream; on success it updates the grain's cached state and returns the outcome and the value.</summary>
    public required Func<CancellationToken, Task<(JournalOutcome Outcome, T Value)>> SendAsync { get; init; }

    /// <summary>The value to return for an entry found in the journal (a replay, or one reconciled as done).</summary>
    public required Func<JournalEntry, CancellationToken, Task<T?>> ReplayAsync { get; init; }

    /// <summary>Whether a failed entry under the same key may be tried again with a different request (creations only).</summary>
    public bool ReplaceFailed { get; init; }
}
