using System.Collections.Immutable;
using NordeaConnect.Primitives;
using V1 = NordeaConnect.Grains.V1;

namespace NordeaConnect.Gateway.Mapping;

public static class PlanMessages
{
    /// <summary>A plan as its grain holds it; a listed plan comes here through <c>UpstreamSnapshots.From</c>.</summary>
    public static V1.Plan ToMessage(this Grains.PlanSnapshot plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var message = new V1.Plan
        {
            Id = plan.Id,
            Name = plan.Name ?? string.Empty,
            Description = plan.Description ?? string.Empty,
            IntervalUnit = plan.IntervalUnit ?? string.Empty,
            Interval = plan.Interval ?? 0,
            Periods = plan.Periods ?? 0,
            TrialLength = plan.TrialLength ?? 0,
            Status = plan.Status ?? string.Empty,
            CreatedAt = Timestamps.From(plan.CreatedAt),
            UpdatedAt = Timestamps.From(plan.UpdatedAt),
            MerchantId = plan.MerchantId ?? string.Empty,
            Ref = plan.Ref ?? string.Empty,
        };
        message.Prices.Add(plan.Prices.ToDictionary(p => CurrencyCode.Parse(p.Key).Code, p => p.Value.ToUpstreamString()));
        message.SetupFees.Add(plan.SetupFees.ToDictionary(p => CurrencyCode.Parse(p.Key).Code, p => p.Value.ToUpstreamString()));
        return message;
    }

    /// <summary>A caller's currency -> amount map (prices, setup fees), every key and value checked, keyed by lower-case code as a plan's JSON is.</summary>
    public static ImmutableSortedDictionary<string, Amount> FromMessage(IDictionary<string, string> prices, string field)
    {
        ArgumentNullException.ThrowIfNull(prices);
        var result = ImmutableSortedDictionary.CreateBuilder<string, Amount>(StringComparer.Ordinal);
        foreach (var (currency, amount) in prices.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var code = RequestFields.Currency(currency, $"{field} key");
            result[code.Code] = RequestFields.Amount(amount, $"{field}[{currency}]");
        }

        return result.ToImmutable();
    }
}
