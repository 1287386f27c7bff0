using System.Text.Json.Serialization;

namespace NordeaConnect.Sandbox.Errors;

/// <summary>The reference's error object: <c>{ name: 'errors.card_number.missing', code: 118, description: '...' }</c>.</summary>
internal sealed record ErrorResponse(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("code")] int Code,
    [property: JsonPropertyName("description")] string Description)
{
    public static ErrorResponse From(SandboxError error, ResponseLocale locale, IReadOnlyList<string> arguments, string? descriptionOverride = null) =>
        new(error.Name, error.Code, descriptionOverride ?? error.Describe(locale, arguments));
}
