using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using NordeaConnect.Primitives;
using NordeaConnect.Sandbox.Errors;
using NordeaConnect.Sandbox.Transactions;

namespace NordeaConnect.Sandbox.Plans;

/// <summary>A plan's <c>prices</c> or <c>setup_fees</c>: a JSON object of currency to amount, e.g. <c>{"sek": "100.00", "eur": "10.00"}</c>.</summary>
internal static class PriceTable
{
    public static ImmutableSortedDictionary<string, Amount> Read(JsonElement table, string parameter)
    {
        if (table.ValueKind != JsonValueKind.Object)
        {
            throw new ApiException(SandboxErrors.ParameterInvalid, parameter, "expected an object of currency to amount, e.g. {\"sek\": \"100.00\"}");
        }

        var prices = ImmutableSortedDictionary.CreateBuilder<string, Amount>(StringComparer.Ordinal);
        foreach (var price in table.EnumerateObject())
        {
            var currency = TransactionService.ParseCurrency(price.Name);
            var text = price.Value.ValueKind switch
            {
                JsonValueKind.String => price.Value.GetString(),
                JsonValueKind.Number => price.Value.GetRawText(),
                _ => null,
            };
            if (!decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
                || decimal.Round(value, 2) != value || value > Amount.MaxValue.Value)
            {
                throw new ApiException(SandboxErrors.ParameterInvalid, parameter + "." + price.Name, "expected an amount such as 100.00");
            }

            prices[currency.Code] = Amount.FromDecimal(value);
        }

        return prices.ToImmutable();
    }
}
