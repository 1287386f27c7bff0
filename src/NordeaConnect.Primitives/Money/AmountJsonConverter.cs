using System.Text.Json;
using System.Text.Json.Serialization;

namespace NordeaConnect.Primitives;

/// <summary>
/// Reads amounts the way Nordea Connect writes them (<c>"480.0"</c>, <c>"5.0"</c>, <c>2.56</c>, <c>0</c>)
/// and always writes the strict string form <c>"12.00"</c>.
/// </summary>
public sealed class AmountJsonConverter : JsonConverter<Amount>
{
    public override Amount Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Number:
                if (reader.TryGetDecimal(out var number) && Amount.TryFromUpstreamDecimal(number, out var fromNumber))
                {
                    return fromNumber;
                }

                throw new JsonException("The JSON number is not an amount: amounts are non-negative with at most 12 digits before the dot.");
            case JsonTokenType.String:
                var text = reader.GetString()!;
                if (Amount.TryParseUpstream(text, out var fromText))
                {
                    return fromText;
                }

                throw new JsonException(AmountSyntax.DescribeUpstream(text));
            default:
                throw new JsonException($"An amount must be a JSON string or number, not {reader.TokenType}.");
        }
    }

    public override void Write(Utf8JsonWriter writer, Amount value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToUpstreamString());
}
