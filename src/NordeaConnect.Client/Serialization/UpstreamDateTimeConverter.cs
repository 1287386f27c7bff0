using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace NordeaConnect.Client.Serialization;

/// <summary>
/// Reads the reference's timestamps leniently: ISO 8601 with or without an offset (no offset means UTC, as the
/// reference documents every timestamp in UTC), and the .NET SDK's "0001-01-01T00:00:00" or an empty string as
/// "not set". Writes ISO 8601 in UTC.
/// </summary>
internal sealed class UpstreamDateTimeConverter : JsonConverter<DateTimeOffset?>
{
    private const DateTimeStyles Styles = DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal | DateTimeStyles.AllowWhiteSpaces;

    public override bool HandleNull => true;

    public override DateTimeOffset? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"Expected a timestamp string but found {reader.TokenType}.");
        }

        var text = reader.GetString();
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, Styles, out var value))
        {
            throw new JsonException($"'{text}' is not an ISO 8601 timestamp.");
        }

        // The .NET SDK serialises an unset DateTime as its minimum value; that means "absent", not year 1.
        return value.UtcDateTime == DateTime.MinValue ? null : value;
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset? value, JsonSerializerOptions options)
    {
        if (value is null)
        {
            writer.WriteNullValue();
            return;
        }

        writer.WriteStringValue(value.Value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
    }
}
