using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using NordeaConnect.Primitives;

namespace NordeaConnect.Grains;

/// <summary>
/// A canonical hash of an operation's fields, to tell a retry (same key, same request) from misuse (same key, another
/// request). Fields are sorted by name and length-prefixed, so no two different requests can produce the same text.
/// Card data never enters it except a card's last four digits.
/// </summary>
internal sealed class RequestFingerprint
{
    private readonly string _operation;
    private readonly SortedDictionary<string, string> _fields = new(StringComparer.Ordinal);

    public RequestFingerprint(string operation)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(operation);
        _operation = operation;
    }

    public RequestFingerprint Add(string name, string? value)
    {
        if (value is not null)
        {
            _fields.Add(name, value);
        }

        return this;
    }

    public RequestFingerprint Add(string name, Amount? value) => Add(name, value?.ToUpstreamString());

    public RequestFingerprint Add(string name, long? value) => Add(name, value?.ToString(CultureInfo.InvariantCulture));

    public RequestFingerprint Add(string name, decimal? value) => Add(name, value?.ToString(CultureInfo.InvariantCulture));

    public RequestFingerprint Add(string name, bool? value) => Add(name, value is { } flag ? (flag ? "true" : "false") : null);

    public RequestFingerprint Add(string name, CurrencyCode? value) => Add(name, value?.Code);

    /// <summary>JSON goes in minified, so formatting differences do not count as another request.</summary>
    public RequestFingerprint Add(string name, JsonElement? value) => Add(name, value is { } json ? Canonical(json) : null);

    public RequestFingerprint Add(string name, IReadOnlyList<Client.Item>? items) =>
        items is null ? this : Add(name, JsonSerializer.SerializeToElement(items, Client.NordeaConnectJsonContext.Default.IReadOnlyListItem));

    public RequestFingerprint Add(string name, IReadOnlyList<Client.WebhookDefinition>? webhooks) =>
        webhooks is null ? this : Add(name, JsonSerializer.SerializeToElement(webhooks, Client.NordeaConnectJsonContext.Default.IReadOnlyListWebhookDefinition));

    /// <summary>Only what identifies the card loosely enough to keep: the last four digits, the expiry and the type.</summary>
    public RequestFingerprint Add(string name, CardDetails? card) =>
        card is null ? this : Add(name, card.LastFour + "|" + card.Expiry + "|" + card.CardType + "|" + card.Holder);

    public string Compute()
    {
        var text = new StringBuilder();
        Append(text, _operation);
        foreach (var (name, value) in _fields)
        {
            Append(text, name);
            Append(text, value);
        }

        return "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    private static void Append(StringBuilder text, string value) =>
        text.Append(value.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(value).Append(';');

    private static string Canonical(JsonElement json) => json.ValueKind switch
    {
        JsonValueKind.Object => "{" + string.Join(",", json.EnumerateObject()
            .OrderBy(property => property.Name, StringComparer.Ordinal)
            .Select(property => JsonSerializer.Serialize(property.Name, MetadataJsonContext.Default.String) + ":" + Canonical(property.Value))) + "}",
        JsonValueKind.Array => "[" + string.Join(",", json.EnumerateArray().Select(Canonical)) + "]",
        _ => json.GetRawText(),
    };
}
