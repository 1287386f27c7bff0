using System.Text.Json;
using NordeaConnect.Primitives;
using NordeaConnect.Sandbox.Billing;

namespace NordeaConnect.Sandbox.Subscriptions;

/// <summary>
/// A customer's subscription to a plan. Its schedule, status, debt, quantity and retries are the billing engine's
/// <see cref="SubscriptionBilling"/>; the rest is what the API shows around it.
/// </summary>
internal sealed record SubscriptionRecord
{
    public required long Id { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    public required long PlanId { get; init; }

    public long? CustomerId { get; init; }

    public long? StoredCardId { get; init; }

    public required CurrencyCode Currency { get; init; }

    public required SubscriptionBilling Billing { get; init; }

    public JsonElement? Items { get; init; }

    public JsonElement? Metadata { get; init; }

    public required bool Test { get; init; }
}
