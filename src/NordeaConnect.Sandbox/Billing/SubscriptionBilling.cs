namespace NordeaConnect.Sandbox.Billing;

/// <summary>
/// The billing side of a subscription: what the engine reads from the ledger and what its rules compute.
/// Periods are counted from <see cref="Anchor"/> (the first scheduled charge, or the moment of reactivation) so
/// that monthly charges anchored on the 31st land on each month's last day without drifting.
/// </summary>
public sealed record SubscriptionBilling
{
    public required string MerchantId { get; init; }

    public required long SubscriptionId { get; init; }

    /// <summary>The plan's terms in the subscription's currency.</summary>
    public required BillingTerms Terms { get; init; }

    public required SubscriptionBillingStatus Status { get; init; }

    /// <summary>The instant periods are counted from.</summary>
    public required DateTimeOffset Anchor { get; init; }

    /// <summary>Successful charges since <see cref="Anchor"/>; the next charge is due <c>Anchor + ChargesSinceAnchor × interval</c>.</summary>
    public int ChargesSinceAnchor { get; init; }

    /// <summary>Successful charges in the subscription's life (periods used up).</summary>
    public int PeriodsCharged { get; init; }

    /// <summary>The reference's <c>next_at</c>: when the next charge (or retry) is due; null once cancelled or completed.</summary>
    public DateTimeOffset? NextAt { get; init; }

    /// <summary>The reference's <c>retry_count</c>: failed charges since the last successful one.</summary>
    public int RetryCount { get; init; }

    /// <summary>The reference's <c>debt</c>: added to (negative: subtracted from) the next charge.</summary>
    public decimal Debt { get; init; }

    /// <summary>The reference's <c>subscription_quantity</c>: the plan price is charged this many times.</summary>
    public int Quantity { get; init; } = 1;

    /// <summary>Whether the plan's setup fee is still to be added to a charge (it goes with the first successful one).</summary>
    public bool SetupFeePending { get; init; }

    /// <summary>The reference's <c>total_periods</c> (0 = forever).</summary>
    public int TotalPeriods => Terms.Periods;

    /// <summary>The reference's <c>periods_left</c>: charges before the subscription ends; null when it runs forever.</summary>
    public int? PeriodsLeft => Terms.Periods == 0 ? null : Math.Max(0, Terms.Periods - PeriodsCharged);
}
