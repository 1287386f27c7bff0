using System.Globalization;
using NordeaConnect.Gateway.Results;
using NordeaConnect.Primitives;
using Upstream = NordeaConnect.Client;
using V1 = NordeaConnect.Grains.V1;

namespace NordeaConnect.Gateway.Mapping;

/// <summary>Product lines: amounts are decimal strings on the façade, numbers upstream.</summary>
public static class ItemMessages
{
    public static V1.Item ToMessage(this Upstream.Item item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return new V1.Item
        {
            Artno = item.ArticleNumber ?? string.Empty,
            Description = item.Description ?? string.Empty,
            Amount = Text(item.Amount, twoDecimals: true),
            Qty = Text(item.Quantity, twoDecimals: false),
            Vat = Text(item.VatRate, twoDecimals: false),
            Discount = Text(item.Discount, twoDecimals: false),
            Notes = item.Notes ?? string.Empty,
        };
    }

    /// <summary>A caller's item: the amount is strict <c>digits.dd</c>; quantity, VAT rate and discount plain decimals.</summary>
    public static Upstream.Item FromMessage(V1.Item item, string field)
    {
        ArgumentNullException.ThrowIfNull(item);
        return new Upstream.Item
        {
            ArticleNumber = RequestFields.Optional(item.Artno),
            Description = RequestFields.Optional(item.Description),
            Amount = RequestFields.OptionalAmount(item.Amount, field + ".amount")?.Value,
            Quantity = Decimal(item.Qty, field + ".qty"),
            VatRate = Decimal(item.Vat, field + ".vat"),
            Discount = Decimal(item.Discount, field + ".discount"),
            Notes = RequestFields.Optional(item.Notes),
        };
    }

    public static IReadOnlyList<Upstream.Item> FromMessages(IEnumerable<V1.Item> items, string field = "items") =>
        items.Select((item, index) => FromMessage(item, field + "[" + index.ToString(CultureInfo.InvariantCulture) + "]")).ToArray();

    private static string Text(decimal? value, bool twoDecimals) => value switch
    {
        null => string.Empty,
        { } v when twoDecimals => v.ToString("0.00", CultureInfo.InvariantCulture),
        { } v => v.ToString(CultureInfo.InvariantCulture),
    };

    private static decimal? Decimal(string text, string field)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (!decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            throw new GatewayRefusalException(ResultCode.InvalidArgument, $"{field} '{text}' is not a plain decimal number with a dot, e.g. 2 or 25.5");
        }

        return value;
    }
}
