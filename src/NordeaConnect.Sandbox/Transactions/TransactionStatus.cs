namespace NordeaConnect.Sandbox.Transactions;

/// <summary>The transaction statuses the sandbox uses (the reference names approved, pending and failed).</summary>
internal static class TransactionStatus
{
    /// <summary>Created with <c>process=false</c>: waiting for card details or the payment link.</summary>
    public const string Pending = "pending";

    /// <summary>Created with <c>authorize=true</c>: reserved, waiting for a capture.</summary>
    public const string Authorized = "authorized";

    public const string Approved = "approved";

    public const string Failed = "failed";
}
