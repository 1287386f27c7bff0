using System.Text.Json.Serialization;
using NordeaConnect.Primitives;
using NordeaConnect.Sandbox.Hosting;
using NordeaConnect.Sandbox.Json;

namespace NordeaConnect.Sandbox.Transactions;

/// <summary>
/// The cost object: <c>total = fixed_fee + amount * percentual_fee + amount * percentual_exchange_fee</c>
/// (1.00 -> 2.56, 5.00 -> 2.8, 10.00 -> 3.1, 725.00 -> 46.0 with 2.5 / 0.025 / 0.035), total rounded to cents.
/// </summary>
internal sealed record CostView(
    [property: JsonPropertyName("fixed_fee")] string FixedFee,
    [property: JsonPropertyName("percentual_exchange_fee")] string PercentualExchangeFee,
    [property: JsonPropertyName("percentual_fee")] string PercentualFee,
    [property: JsonPropertyName("total")] string Total)
{
    public static decimal TotalFor(Amount amount, SandboxMerchant merchant) =>
        decimal.Round(merchant.FixedFee + amount.Percent(merchant.PercentualFee) + amount.Percent(merchant.PercentualExchangeFee), 2, MidpointRounding.AwayFromZero);

    public static CostView For(Amount amount, SandboxMerchant merchant) => new(
        DecimalText.Of(merchant.FixedFee),
        DecimalText.Of(merchant.PercentualExchangeFee),
        DecimalText.Of(merchant.PercentualFee),
        DecimalText.Of(TotalFor(amount, merchant)));
}
