using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace NordeaConnect.Client;

/// <summary>
/// Nested objects (metadata, items, webhooks) travel as JSON text in one form field, as the reference sends them.
/// Form values are percent-encoded UTF-8, so the text keeps "å" as is rather than "\u00E5".
/// </summary>
internal static class JsonFieldText
{
    private static readonly JsonSerializerOptions Relaxed = new(NordeaConnectJsonContext.Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly NordeaConnectJsonContext RelaxedContext = new(new JsonSerializerOptions(Relaxed));

    public static string? Of(JsonObject? value) => value?.ToJsonString(Relaxed);

    public static string? Of(IReadOnlyList<Item>? value) =>
        value is null ? null : JsonSerializer.Serialize(value, RelaxedContext.IReadOnlyListItem);

    public static string? Of(IReadOnlyList<WebhookDefinition>? value) =>
        value is null ? null : JsonSerializer.Serialize(value, RelaxedContext.IReadOnlyListWebhookDefinition);
}
