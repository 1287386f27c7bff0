using System.Net.Http.Headers;
using System.Text;

namespace NordeaConnect.Client;

/// <summary>
/// The body of a write, as the reference's examples send it: <c>application/x-www-form-urlencoded; charset=UTF-8</c>,
/// fields in the order added, nested objects (metadata, items, webhooks, prices) as JSON text in one field.
/// Fields added as sensitive (card number, CVV, expiry) never appear in <see cref="ToString"/>.
/// </summary>
public sealed class FormBody
{
    /// <summary>The exact media type sent.</summary>
    public const string MediaType = "application/x-www-form-urlencoded";

    private readonly List<(string Name, string Value, bool Sensitive)> _fields = [];

    public IReadOnlyList<KeyValuePair<string, string>> Fields =>
        _fields.Select(entry => new KeyValuePair<string, string>(entry.Name, entry.Value)).ToList();

    /// <summary>Adds a field; a null value means "not sent" and is skipped.</summary>
    public FormBody Add(string name, string? value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (value is not null)
        {
            _fields.Add((name, value, false));
        }

        return this;
    }

    /// <summary>Adds a field whose value must never be shown (card data); a null value is skipped.</summary>
    public FormBody AddSensitive(string name, string? value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (value is not null)
        {
            _fields.Add((name, value, true));
        }

        return this;
    }

    /// <summary>The value of a field, or null when it is not in the body.</summary>
    public string? this[string name] => _fields.FirstOrDefault(entry => entry.Name == name).Value;

    /// <summary>The encoded body, e.g. <c>transaction_id=7510&amp;amount=5.00&amp;reason=cancelled%20order</c>.</summary>
    public string Encode()
    {
        var builder = new StringBuilder();
        foreach (var (name, value, _) in _fields)
        {
            if (builder.Length > 0)
            {
                builder.Append('&');
            }

            UrlEncoding.AppendFormComponent(builder, name);
            builder.Append('=');
            UrlEncoding.AppendFormComponent(builder, value);
        }

        return builder.ToString();
    }

    /// <summary>A fresh content for one attempt (an HttpContent cannot be sent twice).</summary>
    public HttpContent ToContent()
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(Encode()));
        content.Headers.ContentType = new MediaTypeHeaderValue(MediaType) { CharSet = "UTF-8" };
        return content;
    }

    /// <summary>Field names and values with sensitive values replaced, safe to log.</summary>
    public override string ToString() =>
        string.Join('&', _fields.Select(entry => entry.Sensitive ? $"{entry.Name}=[redacted]" : $"{entry.Name}={entry.Value}"));
}
