using System.Text.Json.Serialization;

namespace NordeaConnect.Client;

/// <summary>
/// Nordea Connect's error object: <c>{ name: 'errors.card_number.missing', code: 118, description: 'Card number is missing' }</c>.
/// The description is in the request's locale (sv or en).
/// </summary>
public sealed record UpstreamErrorBody
{
    /// <summary>The technical error code, e.g. <c>errors.card_number.missing</c>.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary>The numeric error code of the reference's table, e.g. 118.</summary>
    [JsonPropertyName("code")]
    public int? Code { get; init; }

    /// <summary>Human-readable text in the requested locale.</summary>
    [JsonPropertyName("description")]
    public string? Description { get; init; }

    public override string ToString() => $"{Name} ({Code?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "no code"}): {Description}";
}
