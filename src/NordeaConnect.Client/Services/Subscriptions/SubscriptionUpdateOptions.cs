using System.Text.Json.Nodes;

namespace NordeaConnect.Client;

/// <summary><c>PUT /v1/subscriptions/{id}</c>: debt, plan, status, quantity, metadata, stored card, items.</summary>
public sealed class SubscriptionUpdateOptions
{
    /// <summary>Added to (negative: subtracted from) the next charge; at most two decimals. Replaces the current debt.</summary>
    public decimal? Debt { get; init; }

    /// <summary>Moves the subscription to another plan.</summary>
    public long? PlanId { get; init; }

    /// <summary>active or cancelled (see <see cref="SubscriptionStatus"/>).</summary>
    public string? Status { get; init; }

    /// <summary>How many times the plan's price is charged each period.</summary>
    public int? Quantity { get; init; }

    public JsonObject? Metadata { get; init; }

    /// <summary>Changes the card the subscription charges.</summary>
    public long? StoredCardId { get; init; }

    public IReadOnlyList<Item>? Items { get; init; }
}
