using System.Text.Json;

namespace NordeaConnect.Grains;

/// <summary>A change to a subscription (<c>PUT /v1/subscriptions/{id}</c>); only the fields set are sent. Metadata is deep-merged.</summary>
public sealed record SubscriptionUpdateRequest
{
    public long? PlanId { get; init; }

    /// <summary>active or cancelled.</summary>
    public string? Status { get; init; }

    public int? Quantity { get; init; }

    public JsonElement? Metadata { get; init; }

    public long? StoredCardId { get; init; }

    /// <summary>The subscription's own items, charged on top of the plan's price.</summary>
    public IReadOnlyList<Client.Item>? Items { get; init; }
}
