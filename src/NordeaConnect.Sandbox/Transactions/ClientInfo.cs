using System.Text.Json.Serialization;

namespace NordeaConnect.Sandbox.Transactions;

/// <summary>The reference's <c>client_info</c>: who created the transaction, from the request's headers.</summary>
internal sealed record ClientInfo(
    [property: JsonPropertyName("raw_user_agent")] string? RawUserAgent,
    [property: JsonPropertyName("browser")] string? Browser,
    [property: JsonPropertyName("version")] string? Version,
    [property: JsonPropertyName("platform")] string? Platform,
    [property: JsonPropertyName("ip")] string? Ip,
    [property: JsonPropertyName("accept_language")] string? AcceptLanguage)
{
    public static ClientInfo From(HttpContext http) => new(
        NullIfEmpty(http.Request.Headers.UserAgent.ToString()),
        null,
        null,
        null,
        http.Connection.RemoteIpAddress?.ToString(),
        NullIfEmpty(http.Request.Headers.AcceptLanguage.ToString()));

    private static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;
}
