using System.Globalization;
using System.Text;

namespace NordeaConnect.Client;

/// <summary>Builds a query in the reference's syntax: literal <c>filter[...]</c> brackets, readable <c>* . : ,</c>.</summary>
internal sealed class QueryString
{
    private readonly StringBuilder _builder = new();

    public QueryString Add(string name, string? value)
    {
        if (value is null)
        {
            return this;
        }

        if (_builder.Length > 0)
        {
            _builder.Append('&');
        }

        // Names are ours (snake_case, validated field names in brackets), so they go out as written.
        _builder.Append(name).Append('=');
        UrlEncoding.AppendQueryValue(_builder, value);
        return this;
    }

    public QueryString Add(string name, long? value) => Add(name, value?.ToString(CultureInfo.InvariantCulture));

    public QueryString AddList(string name, IReadOnlyList<string> values) =>
        values.Count == 0 ? this : Add(name, string.Join(',', values));

    public override string ToString() => _builder.ToString();
}
