using System.Text.Json;
using System.Text.Json.Serialization;
using NordeaConnect.Sandbox.Json;

namespace NordeaConnect.Sandbox.Subscriptions;

/// <summary>The subscription object as the reference's table describes it.</summary>
internal sealed record SubscriptionView
{
    [JsonPropertyName("created_at")] public required DateTimeOffset CreatedAt { get; init; }
    [JsonPropertyName("currency")] public required string Currency { get; init; }
    [JsonPropertyName("customer")] public EntityRef? Customer { get; init; }
    [JsonPropertyName("debt")] public required string Debt { get; init; }
    [JsonPropertyName("id")] public required long Id { get; init; }
    [JsonPropertyName("interval")] public required int Interval { get; init; }
    [JsonPropertyName("interval_unit")] public required string IntervalUnit { get; init; }
    [JsonPropertyName("items")] public JsonElement? Items { get; init; }
    [JsonPropertyName("metadata")] public JsonElement? Metadata { get; init; }
    [JsonPropertyName("next_at")] public DateTimeOffset? NextAt { get; init; }
    [JsonPropertyName("periods_left")] public int? PeriodsLeft { get; init; }
    [JsonPropertyName("plan")] public required EntityRef Plan { get; init; }
    [JsonPropertyName("price")] public required string Price { get; init; }
    [JsonPropertyName("retry_count")] public required int RetryCount { get; init; }
    [JsonPropertyName("status")] public required string Status { get; init; }
    [JsonPropertyName("stored_card")] public EntityRef? StoredCard { get; init; }
    [JsonPropertyName("subscription_quantity")] public required int SubscriptionQuantity { get; init; }
    [JsonPropertyName("test")] public required bool Test { get; init; }
    [JsonPropertyName("total_periods")] public required int TotalPeriods { get; init; }
    [JsonPropertyName("updated_at")] public required DateTimeOffset UpdatedAt { get; init; }
}
