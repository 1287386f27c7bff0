using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace NordeaConnect.Sandbox.Json;

/// <summary>Writes times as the reference does, UTC to the second: <c>2018-04-25T10:20:48Z</c>.</summary>
internal sealed class UpstreamDateTimeConverter : JsonConverter<DateTimeOffset>
{
    public const string Format = "yyyy-MM-dd'T'HH:mm:ss'Z'";

    public static string ToText(DateTimeOffset value) => value.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture);

    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        DateTimeOffset.Parse(reader.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) => writer.WriteStringValue(ToText(value));
}
