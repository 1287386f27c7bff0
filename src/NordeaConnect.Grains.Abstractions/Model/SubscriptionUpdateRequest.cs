using System.Text.Json;

namespace NordeaConnect.Grains;

/// <summary>A change to a subscription (<c>PUT /v1/subscriptions/{id}</c>); only the fields set are sent. Metadata is deep-merged.</summary>
[GenerateSerializer, Immutable, Alias("nordeaconnect.SubscriptionUpdateRequest")]
public sealed record SubscriptionUpdateRequest
{
    [Id(0)]
    public long? PlanId { get; init; }

    /// <summary>active or cancelled.</summary>
    [Id(1)]
    public string? Status { get; init; }

    [Id(2)]
    public int? Quantity { get; init; }

    [Id(3)]
    public JsonElement? Metadata { get; init; }

    [Id(4)]
    public long? StoredCardId { get; init; }

    /// <summary>The subscription's own items, charged on top of the plan's price.</summary>
    [Id(5)]
    public IReadOnlyList<Client.Item>? Items { get; init; }
}
