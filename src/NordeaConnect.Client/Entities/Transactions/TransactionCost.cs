using System.Text.Json.Serialization;
using NordeaConnect.Primitives;

namespace NordeaConnect.Client;

/// <summary>
/// What a transaction costs the merchant: <c>total = fixed_fee + amount * percentual_fee + amount * percentual_exchange_fee</c>.
/// Fees arrive as numbers or strings ("2.5", 0, "0.025").
/// </summary>
public sealed class TransactionCost
{
    [JsonPropertyName("fixed_fee")]
    public decimal? FixedFee { get; init; }

    [JsonPropertyName("percentual_fee")]
    public decimal? PercentualFee { get; init; }

    [JsonPropertyName("percentual_exchange_fee")]
    public decimal? PercentualExchangeFee { get; init; }

    [JsonPropertyName("total")]
    public Amount? Total { get; init; }
}
