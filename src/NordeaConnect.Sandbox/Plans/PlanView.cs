using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using NordeaConnect.Sandbox.Json;

namespace NordeaConnect.Sandbox.Plans;

/// <summary>The billing plan object; prices and setup fees map currency to amount, e.g. <c>{"sek": "100.0"}</c>.</summary>
internal sealed record PlanView
{
    [JsonPropertyName("created_at")] public required DateTimeOffset CreatedAt { get; init; }
    [JsonPropertyName("description")] public string? Description { get; init; }
    [JsonPropertyName("id")] public required long Id { get; init; }
    [JsonPropertyName("interval")] public required int Interval { get; init; }
    [JsonPropertyName("interval_unit")] public required string IntervalUnit { get; init; }
    [JsonPropertyName("merchant_id")] public required JsonNode MerchantId { get; init; }
    [JsonPropertyName("name")] public required string Name { get; init; }
    [JsonPropertyName("periods")] public required int Periods { get; init; }
    [JsonPropertyName("prices")] public required IReadOnlyDictionary<string, string> Prices { get; init; }
    [JsonPropertyName("ref")] public string? Ref { get; init; }
    [JsonPropertyName("setup_fees")] public required IReadOnlyDictionary<string, string> SetupFees { get; init; }
    [JsonPropertyName("status")] public required string Status { get; init; }
    [JsonPropertyName("trial_length")] public required int TrialLength { get; init; }
    [JsonPropertyName("updated_at")] public required DateTimeOffset UpdatedAt { get; init; }

    public static PlanView Of(PlanRecord plan, string merchantId) => new()
    {
        CreatedAt = plan.CreatedAt,
        Description = plan.Description,
        Id = plan.Id,
        Interval = plan.Interval,
        IntervalUnit = plan.IntervalUnit,
        MerchantId = MerchantIdJson.Of(merchantId),
        Name = plan.Name,
        Periods = plan.Periods,
        Prices = plan.Prices.ToDictionary(p => p.Key, p => DecimalText.Of(p.Value), StringComparer.Ordinal),
        Ref = plan.Ref,
        SetupFees = plan.SetupFees.ToDictionary(p => p.Key, p => DecimalText.Of(p.Value), StringComparer.Ordinal),
        Status = plan.Status,
        TrialLength = plan.TrialLength,
        UpdatedAt = plan.UpdatedAt,
    };
}
