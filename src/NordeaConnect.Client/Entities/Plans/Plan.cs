using System.Text.Json.Serialization;
using NordeaConnect.Client.Serialization;
using NordeaConnect.Primitives;

namespace NordeaConnect.Client;

/// <summary>A billing plan: the template of a subscription's recurring payments.</summary>
public sealed class Plan
{
    [JsonPropertyName("id")]
    public long Id { get; init; }

    [JsonPropertyName("created_at")]
    public DateTimeOffset? CreatedAt { get; init; }

    [JsonPropertyName("updated_at")]
    public DateTimeOffset? UpdatedAt { get; init; }

    [JsonPropertyName("name")]
    public string? Name { get; init; }

    [JsonPropertyName("description")]
    public string? Description { get; init; }

    /// <summary>days or months.</summary>
    [JsonPropertyName("interval_unit")]
    public string? IntervalUnit { get; init; }

    /// <summary>How many interval units between payments, e.g. every 1 month.</summary>
    [JsonPropertyName("interval")]
    public int? Interval { get; init; }

    /// <summary>How many periods the plan runs; 0 means forever.</summary>
    [JsonPropertyName("periods")]
    public int? Periods { get; init; }

    /// <summary>Days before the first payment; 0 means no trial.</summary>
    [JsonPropertyName("trial_length")]
    public int? TrialLength { get; init; }

    /// <summary>The price of each payment, per currency.</summary>
    [JsonPropertyName("prices")]
    [JsonConverter(typeof(CurrencyAmountsConverter))]
    public IReadOnlyDictionary<CurrencyCode, Amount>? Prices { get; init; }

    /// <summary>The start cost of the plan, per currency.</summary>
    [JsonPropertyName("setup_fees")]
    [JsonConverter(typeof(CurrencyAmountsConverter))]
    public IReadOnlyDictionary<CurrencyCode, Amount>? SetupFees { get; init; }

    /// <summary>active or cancelled.</summary>
    [JsonPropertyName("status")]
    public string? Status { get; init; }

    [JsonPropertyName("ref")]
    [JsonConverter(typeof(LenientStringConverter))]
    public string? Ref { get; init; }

    [JsonPropertyName("merchant_id")]
    [JsonConverter(typeof(LenientStringConverter))]
    public string? MerchantId { get; init; }
}
