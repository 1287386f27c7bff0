namespace NordeaConnect.Grains;

/// <summary>Where a transaction stands, read from the upstream's status text.</summary>
[GenerateSerializer, Alias("nordeaconnect.TransactionState")]
public enum TransactionState
{
    /// <summary>Created with <c>process=false</c>: waiting for card details or the payment link.</summary>
    Pending,

    /// <summary>Created with <c>authorize=true</c>: the money is reserved and waits for a capture.</summary>
    Authorized,

    /// <summary>Paid (or captured): the money moved, and refunds are possible.</summary>
    Approved,

    /// <summary>The payment failed or was declined.</summary>
    Failed,

    /// <summary>A status this service does not know; nothing is assumed about it.</summary>
    Unrecognized,
}

/// <summary>Reads the upstream's status text (approved, authorized, pending, failed, and the reference's "complete").</summary>
public static class TransactionStates
{
    public static TransactionState FromUpstream(string? status) => status?.Trim().ToLowerInvariant() switch
    {
        "pending" => TransactionState.Pending,
        "authorized" or "authorised" => TransactionState.Authorized,
        // The reference's .NET samples show "complete" for a paid transaction.
        "approved" or "complete" or "completed" or "captured" => TransactionState.Approved,
        "failed" or "declined" or "error" => TransactionState.Failed,
        _ => TransactionState.Unrecognized,
    };
}
