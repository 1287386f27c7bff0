using System.Text.Json;
using System.Text.Json.Serialization;
using NordeaConnect.Primitives;

namespace NordeaConnect.Client.Serialization;

/// <summary>
/// A plan's <c>prices</c> and <c>setup_fees</c>: "price for each merchant available currency as a JSON string".
/// Read tolerantly as an object keyed by currency (<c>{"sek":"100.00"}</c>), an array of
/// <c>{"currency","amount"}</c> objects, or either of those wrapped in a JSON string. Written as the object form.
/// </summary>
internal sealed class CurrencyAmountsConverter : JsonConverter<IReadOnlyDictionary<CurrencyCode, Amount>>
{
    public override IReadOnlyDictionary<CurrencyCode, Amount>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        return FromElement(document.RootElement);
    }

    public override void Write(Utf8JsonWriter writer, IReadOnlyDictionary<CurrencyCode, Amount> value, JsonSerializerOptions options) =>
        WriteObject(writer, value);

    internal static void WriteObject(Utf8JsonWriter writer, IReadOnlyDictionary<CurrencyCode, Amount> value)
    {
        writer.WriteStartObject();
        foreach (var (currency, amount) in value)
        {
            writer.WriteString(currency.Code, amount.ToUpstreamString());
        }

        writer.WriteEndObject();
    }

    internal static string ToJsonText(IReadOnlyDictionary<CurrencyCode, Amount> value)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            WriteObject(writer, value);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static Dictionary<CurrencyCode, Amount>? FromElement(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Null or JsonValueKind.Undefined:
                return null;
            case JsonValueKind.String:
                var text = element.GetString();
                if (string.IsNullOrWhiteSpace(text))
                {
                    return null;
                }

                using (var inner = JsonDocument.Parse(text))
                {
                    return FromElement(inner.RootElement);
                }

            case JsonValueKind.Object:
                var byKey = new Dictionary<CurrencyCode, Amount>();
                foreach (var property in element.EnumerateObject())
                {
                    byKey[ParseCurrency(property.Name)] = ParseAmount(property.Value);
                }

                return byKey;
            case JsonValueKind.Array:
                var byItem = new Dictionary<CurrencyCode, Amount>();
                foreach (var item in element.EnumerateArray())
                {
                    if (item.ValueKind != JsonValueKind.Object
                        || !item.TryGetProperty("currency", out var currency)
                        || !item.TryGetProperty("amount", out var amount))
                    {
                        throw new JsonException("Each price entry must be an object with 'currency' and 'amount'.");
                    }

                    byItem[ParseCurrency(currency.GetString())] = ParseAmount(amount);
                }

                return byItem;
            default:
                throw new JsonException($"Expected prices as an object, array or JSON string but found {element.ValueKind}.");
        }
    }

    private static CurrencyCode ParseCurrency(string? text) =>
        CurrencyCode.TryParse(text, out var currency)
            ? currency
            : throw new JsonException($"'{text}' is not a currency of the reference.");

    private static Amount ParseAmount(JsonElement element)
    {
        var text = element.ValueKind switch
        {
            JsonValueKind.String => element.GetString(),
            JsonValueKind.Number => element.GetRawText(),
            _ => null,
        };

        return Amount.TryParseUpstream(text, out var amount)
            ? amount
            : throw new JsonException($"'{text}' is not an amount.");
    }
}
