namespace NordeaConnect.Grains;

/// <summary>What the journal says about an idempotency key before an operation runs under it.</summary>
internal enum JournalLookupKind
{
    /// <summary>The key was never used: run the operation.</summary>
    New,

    /// <summary>The same request already has an outcome: return it without calling upstream.</summary>
    Replay,

    /// <summary>The key was used for a different request: refuse.</summary>
    KeyReused,

    /// <summary>The same request's outcome is still unknown: reconcile before anything else.</summary>
    AwaitingReconciliation,

    /// <summary>The same request was found not done upstream: it may be sent again.</summary>
    Retry,
}

internal readonly record struct JournalLookup(JournalLookupKind Kind, JournalEntry? Entry);
