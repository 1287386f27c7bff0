using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using NordeaConnect.Primitives;

namespace NordeaConnect.Client;

/// <summary>How typed values become form values: the reference's exact text for each kind.</summary>
internal static class FormValues
{
    public static string Of(bool value) => value ? "true" : "false";

    public static string? Of(bool? value) => value is { } flag ? Of(flag) : null;

    public static string? Of(Amount? value) => value?.ToUpstreamString();

    public static string? Of(long? value) => value?.ToString(CultureInfo.InvariantCulture);

    public static string? Of(int? value) => value?.ToString(CultureInfo.InvariantCulture);

    /// <summary>A signed amount with exactly two decimals and a dot (subscription debt may be negative).</summary>
    public static string? OfSignedAmount(decimal? value, string name)
    {
        if (value is not { } number)
        {
            return null;
        }

        if (decimal.Round(number, 2) != number)
        {
            throw new ArgumentException($"{name} {number.ToString(CultureInfo.InvariantCulture)} has more than two decimals.", name);
        }

        return number.ToString("0.00", CultureInfo.InvariantCulture);
    }

    // Form values are percent-encoded UTF-8, so JSON text inside them keeps "å" as is rather than "\u00E5".
    private static readonly JsonSerializerOptions JsonText = new(NordeaConnectJsonContext.Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly NordeaConnectJsonContext JsonTextContext = new(new JsonSerializerOptions(JsonText));

    /// <summary>An object sent as JSON text in one field, as the reference sends metadata.</summary>
    public static string? Of(JsonObject? value) => value?.ToJsonString(JsonText);

    public static string? OfItems(IReadOnlyList<Item>? value) =>
        value is null ? null : JsonSerializer.Serialize(value, JsonTextContext.IReadOnlyListItem);

    public static string? OfWebhooks(IReadOnlyList<WebhookDefinition>? value) =>
        value is null ? null : JsonSerializer.Serialize(value, JsonTextContext.IReadOnlyListWebhookDefinition);
}
