using NordeaConnect.Primitives;

namespace NordeaConnect.Sandbox.Billing;

/// <summary>
/// The store's side of billing, implemented over the sandbox's subscriptions, stored cards and transactions.
/// </summary>
public interface IBillingLedger
{
    /// <summary>Active subscriptions (of every merchant) whose <c>next_at</c> is at or before <paramref name="now"/>.</summary>
    IReadOnlyList<SubscriptionBilling> GetDueSubscriptions(DateTimeOffset now);

    /// <summary>
    /// Charges the subscription's stored card: creates the subscription's transaction (approved or failed, e.g.
    /// expired card, inactive stored card, <c>nordeaconnect_instructions</c>) and says how it went.
    /// </summary>
    Task<ChargeOutcome> ChargeAsync(SubscriptionCharge charge, CancellationToken cancellationToken);

    /// <summary>
    /// Stores the engine's result. Apply it atomically with <see cref="SubscriptionBillingUpdate.MergeInto"/> on the
    /// subscription as it is now (so a debt or cancel the merchant sent meanwhile is kept), and return the stored
    /// state afterwards, or null if the subscription no longer exists.
    /// </summary>
    SubscriptionBilling? Apply(SubscriptionBillingUpdate update);
}

/// <summary>One charge the engine asks for. <see cref="DueAt"/> is the scheduled instant (sandbox time) it belongs to.</summary>
public sealed record SubscriptionCharge(
    string MerchantId,
    long SubscriptionId,
    Amount Amount,
    DateTimeOffset DueAt,
    int PeriodNumber,
    int Attempt,
    int Quantity,
    ChargeCalculation Calculation);

/// <summary>How a charge went; <see cref="TransactionId"/> is the transaction it created, if any.</summary>
public sealed record ChargeOutcome(bool Succeeded, long? TransactionId, string? Error)
{
    public static ChargeOutcome Success(long? transactionId) => new(true, transactionId, null);

    public static ChargeOutcome Failure(long? transactionId, string error) => new(false, transactionId, error);
}

/// <summary>The engine's change to one subscription: the state it read and the state its rules computed.</summary>
public sealed record SubscriptionBillingUpdate(SubscriptionBilling Before, SubscriptionBilling After)
{
    /// <summary>
    /// Merges the change into <paramref name="current"/> (the subscription as stored now): billing fields come from
    /// <see cref="After"/>; the debt moves by <c>After.Debt − Before.Debt</c> so debt added meanwhile is kept; and if
    /// the merchant cancelled meanwhile, the subscription stays cancelled with no next charge.
    /// </summary>
    public SubscriptionBilling MergeInto(SubscriptionBilling current)
    {
        ArgumentNullException.ThrowIfNull(current);
        var cancelledMeanwhile = current.Status != SubscriptionBillingStatus.Active && Before.Status == SubscriptionBillingStatus.Active;
        return current with
        {
            Anchor = After.Anchor,
            ChargesSinceAnchor = After.ChargesSinceAnchor,
            PeriodsCharged = After.PeriodsCharged,
            RetryCount = After.RetryCount,
            SetupFeePending = After.SetupFeePending,
            Debt = current.Debt + (After.Debt - Before.Debt),
            Status = cancelledMeanwhile ? current.Status : After.Status,
            NextAt = cancelledMeanwhile ? null : After.NextAt,
        };
    }
}
