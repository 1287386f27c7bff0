using NordeaConnect.Primitives;

namespace NordeaConnect.Sandbox.Ledger;

/// <summary>A transaction as the sandbox's own ledger holds it, for tests that check what really happened upstream.</summary>
public sealed record LedgerTransaction(
    long Id,
    string MerchantId,
    string Status,
    Amount Amount,
    Amount AuthorizedAmount,
    Amount RefundedAmount,
    CurrencyCode Currency,
    string? PaymentRef,
    bool Test,
    long? CustomerId,
    long? StoredCardId,
    long? SubscriptionId,
    DateTimeOffset CreatedAt);

/// <summary>One refund booked against a transaction.</summary>
public sealed record LedgerRefund(long Id, long TransactionId, Amount Amount, string Reason, string Status, DateTimeOffset CreatedAt);

/// <summary>One capture of an authorized transaction.</summary>
public sealed record LedgerCapture(long TransactionId, Amount Amount, DateTimeOffset CapturedAt);

/// <summary>
/// One webhook, where its delivery stands (pending, retrying, delivered, exhausted, recorded for e-mail, or
/// not_sent when it never fired) and each attempt.
/// </summary>
public sealed record LedgerWebhook(long Id, string Type, string Trigger, string? Url, string? Email, long? TransactionId, string Delivery, IReadOnlyList<LedgerWebhookAttempt> Attempts);

/// <summary>One delivery attempt: the status the target answered, or the error when it did not.</summary>
public sealed record LedgerWebhookAttempt(DateTimeOffset At, int? StatusCode, string? Error);
