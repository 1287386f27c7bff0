using System.Text.Json.Serialization;

namespace NordeaConnect.Client;

/// <summary>The browser that completed a payment, as the Payment Window saw it.</summary>
public sealed class ClientInfo
{
    [JsonPropertyName("raw_user_agent")]
    public string? RawUserAgent { get; init; }

    [JsonPropertyName("browser")]
    public string? Browser { get; init; }

    [JsonPropertyName("version")]
    public string? Version { get; init; }

    [JsonPropertyName("platform")]
    public string? Platform { get; init; }

    [JsonPropertyName("ip")]
    public string? IpAddress { get; init; }

    [JsonPropertyName("accept_language")]
    public string? AcceptLanguage { get; init; }
}
