using System.Text.Json;
using System.Text.Json.Serialization;

namespace NordeaConnect.Primitives;

/// <summary>Reads a currency in any case (the reference writes both <c>SEK</c> and <c>sek</c>), writes lower-case.</summary>
public sealed class CurrencyCodeJsonConverter : JsonConverter<CurrencyCode>
{
    public override CurrencyCode Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"A currency must be a JSON string, not {reader.TokenType}.");
        }

        var text = reader.GetString()!;
        return CurrencyCode.TryParse(text, out var currency)
            ? currency
            : throw new JsonException($"currency '{AmountSyntax.Show(text)}' is not one Nordea Connect accepts.");
    }

    public override void Write(Utf8JsonWriter writer, CurrencyCode value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.Code);
}
