using Refit;

namespace NordeaConnect.Client;

/// <summary>The form of <c>PUT /v1/subscriptions/{id}</c>; null fields are not sent.</summary>
public sealed class SubscriptionUpdateForm
{
    /// <summary>A signed amount with two decimals and a dot, e.g. <c>-12.50</c>.</summary>
    [AliasAs("debt")]
    public string? Debt { get; init; }

    [AliasAs("plan_id")]
    public long? PlanId { get; init; }

    [AliasAs("status")]
    public string? Status { get; init; }

    [AliasAs("subscription_quantity")]
    public int? Quantity { get; init; }

    [AliasAs("metadata")]
    public string? Metadata { get; init; }

    [AliasAs("stored_card_id")]
    public long? StoredCardId { get; init; }

    [AliasAs("items")]
    public string? Items { get; init; }
}
