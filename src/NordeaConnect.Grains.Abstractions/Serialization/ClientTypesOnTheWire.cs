using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Orleans.Serialization;

namespace NordeaConnect.Grains.Serialization;

/// <summary>
/// The REST client's own entities that the grain records hold cross Orleans' wire as the client's JSON (Orleans'
/// System.Text.Json codec with the client's options: its property names and converters), so no copy of their shapes
/// is kept here and the client stays free of Orleans.
/// </summary>
public static class ClientTypesOnTheWire
{
    /// <summary>Exactly the client types the records hold; a test checks this list against the records' properties.</summary>
    public static FrozenSet<Type> Types { get; } = FrozenSet.ToFrozenSet(
    [
        typeof(Client.Item),
        typeof(Client.TransactionCost),
        typeof(Client.ClientInfo),
        typeof(Client.PaymentDetails),
        typeof(Client.Webhook),
        typeof(Client.WebhookDefinition),
    ]);

    /// <summary>The client's JSON options, with timestamps written to the tick and with their offset.</summary>
    internal static JsonSerializerOptions JsonOptions { get; } = CreateJsonOptions();

    /// <summary>Adds the codec and deep copier for <see cref="Types"/>; every silo and Orleans client of the grains needs it.</summary>
    public static ISerializerBuilder AddNordeaConnectClientTypes(this ISerializerBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddJsonSerializer(isSupported: Types.Contains, jsonSerializerOptions: JsonOptions);
    }

    private static JsonSerializerOptions CreateJsonOptions()
    {
        var options = new JsonSerializerOptions(Client.NordeaConnectJsonContext.Default.Options);
        // The client writes upstream's form (whole seconds, UTC); between silos an instant must arrive exactly as sent.
        options.Converters.Insert(0, new ExactTimestampJsonConverter());
        options.MakeReadOnly();
        return options;
    }

    private sealed class ExactTimestampJsonConverter : JsonConverter<DateTimeOffset?>
    {
        public override bool HandleNull => true;

        public override DateTimeOffset? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.Null
                ? null
                : DateTimeOffset.ParseExact(reader.GetString()!, "O", CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);

        public override void Write(Utf8JsonWriter writer, DateTimeOffset? value, JsonSerializerOptions options)
        {
            if (value is { } instant)
            {
                writer.WriteStringValue(instant.ToString("O", CultureInfo.InvariantCulture));
            }
            else
            {
                writer.WriteNullValue();
            }
        }
    }
}
