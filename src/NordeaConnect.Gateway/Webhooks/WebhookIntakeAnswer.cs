using System.Text.Json.Serialization;

namespace NordeaConnect.Gateway.Webhooks;

/// <summary>What the intake answers: a status for accepted events, an error code and message naming the problem otherwise.</summary>
public sealed record WebhookIntakeAnswer(
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("error")] string? Error = null,
    [property: JsonPropertyName("message")] string? Message = null,
    [property: JsonPropertyName("entity")] string? Entity = null,
    [property: JsonPropertyName("version")] long? Version = null,
    [property: JsonPropertyName("changed")] bool? Changed = null);

[JsonSerializable(typeof(WebhookIntakeAnswer))]
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
internal sealed partial class WebhookIntakeJsonContext : JsonSerializerContext;
