using System.Text.Json;
using System.Text.Json.Serialization;
using NordeaConnect.Primitives;

namespace NordeaConnect.Client;

/// <summary>A customer's recurring payments on a billing plan, charged by Nordea Connect's billing engine.</summary>
public sealed class Subscription
{
    private readonly IReadOnlyList<Item>? _items;

    [JsonPropertyName("id")]
    public long Id { get; init; }

    [JsonPropertyName("created_at")]
    public DateTimeOffset? CreatedAt { get; init; }

    [JsonPropertyName("updated_at")]
    public DateTimeOffset? UpdatedAt { get; init; }

    /// <summary>Added to (or, when negative, subtracted from) the price of the next charge; may be negative, so not an <see cref="Amount"/>.</summary>
    [JsonPropertyName("debt")]
    public decimal? Debt { get; init; }

    [JsonPropertyName("interval_unit")]
    public string? IntervalUnit { get; init; }

    [JsonPropertyName("interval")]
    public int? Interval { get; init; }

    [JsonPropertyName("periods_left")]
    public int? PeriodsLeft { get; init; }

    [JsonPropertyName("total_periods")]
    public int? TotalPeriods { get; init; }

    [JsonPropertyName("price")]
    public Amount? Price { get; init; }

    [JsonPropertyName("currency")]
    public CurrencyCode? Currency { get; init; }

    /// <summary>active or cancelled.</summary>
    [JsonPropertyName("status")]
    public string? Status { get; init; }

    /// <summary>Next execution (UTC).</summary>
    [JsonPropertyName("next_at")]
    public DateTimeOffset? NextAt { get; init; }

    /// <summary>How many times the plan's price is charged each period (a licence factor).</summary>
    [JsonPropertyName("subscription_quantity")]
    public int? Quantity { get; init; }

    /// <summary>Failed charges so far, e.g. while a card is expired.</summary>
    [JsonPropertyName("retry_count")]
    public int? RetryCount { get; init; }

    /// <summary>Whether the subscription was sold in test mode (its charges are test transactions).</summary>
    [JsonPropertyName("test")]
    public bool? Test { get; init; }

    [JsonPropertyName("metadata")]
    public JsonElement? Metadata { get; init; }

    [JsonPropertyName("customer")]
    public Customer? Customer { get; init; }

    [JsonPropertyName("plan")]
    public Plan? Plan { get; init; }

    [JsonPropertyName("stored_card")]
    public StoredCard? StoredCard { get; init; }

    [JsonPropertyName("items")]
    public IReadOnlyList<Item> Items
    {
        get => _items ?? [];
        init => _items = value;
    }
}
