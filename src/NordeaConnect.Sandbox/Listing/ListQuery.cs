using System.Globalization;
using System.Text.Json;
using NordeaConnect.Sandbox.Errors;

namespace NordeaConnect.Sandbox.Listing;

/// <summary>
/// A list request's pagination (<c>limit</c>, <c>offset</c>, <c>start_id</c>), order (<c>order_by=field[:desc]</c>)
/// and filters (<c>filter[field]=...</c>, <c>filter[metadata.a.0.b]=...</c>), validated against the resource's schema.
/// </summary>
internal sealed class ListQuery<T>
{
    public const int DefaultLimit = 10;
    public const int MaxLimit = 100_000;

    private readonly ResourceSchema<T> _schema;
    private readonly List<Func<T, bool>> _filters = [];

    private ListQuery(ResourceSchema<T> schema) => _schema = schema;

    public int Limit { get; private set; } = DefaultLimit;

    public int Offset { get; private set; }

    public long? StartId { get; private set; }

    public ListField<T>? OrderBy { get; private set; }

    public bool Descending { get; private set; }

    public static ListQuery<T> Parse(HttpRequest request, ResourceSchema<T> schema)
    {
        var query = new ListQuery<T>(schema);
        foreach (var (key, value) in QueryParameters.Of(request))
        {
            switch (key)
            {
                case "limit":
                    query.Limit = (int)ParseWhole(key, value, 1, MaxLimit);
                    break;
                case "offset":
                    query.Offset = (int)ParseWhole(key, value, 0, int.MaxValue);
                    break;
                case "start_id":
                    query.StartId = ParseWhole(key, value, 0, long.MaxValue);
                    break;
                case "order_by":
                    query.ParseOrder(value);
                    break;
                default:
                    if (key.StartsWith("filter", StringComparison.Ordinal))
                    {
                        query.ParseFilter(key, value);
                    }

                    break;
            }
        }

        return query;
    }

    /// <summary>Filters, orders and cuts out the page; <paramref name="total"/> counts every match.</summary>
    public IReadOnlyList<T> Apply(IEnumerable<T> items, out int total)
    {
        var matching = items.Where(item => _filters.TrueForAll(f => f(item)));
        if (StartId is { } startId)
        {
            matching = matching.Where(item => _schema.Id(item) >= startId);
        }

        var ordered = OrderBy is { } field
            ? (Descending
                ? matching.OrderByDescending(i => field.Value(i), ValueComparer.Instance).ThenByDescending(_schema.Id)
                : matching.OrderBy(i => field.Value(i), ValueComparer.Instance).ThenBy(_schema.Id))
            : matching.OrderBy(_schema.Id);
        var all = ordered.ToList();
        total = all.Count;
        return all.Skip(Offset).Take(Limit).ToList();
    }

    private static long ParseWhole(string name, string text, long min, long max) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw new ApiException(SandboxErrors.PaginationInvalid, name, min.ToString(CultureInfo.InvariantCulture) + (max < long.MaxValue ? " and at most " + max.ToString(CultureInfo.InvariantCulture) : string.Empty));

    private void ParseOrder(string value)
    {
        var parts = value.Split(':');
        var direction = parts.Length == 2 ? parts[1].ToUpperInvariant() : "ASC";
        if (parts.Length > 2 || direction is not ("ASC" or "DESC") || !_schema.Fields.TryGetValue(parts[0], out var field))
        {
            throw new ApiException(SandboxErrors.OrderByInvalid, value, _schema.FieldList);
        }

        OrderBy = field;
        Descending = direction == "DESC";
    }

    private void ParseFilter(string key, string value)
    {
        if (!key.StartsWith("filter[", StringComparison.Ordinal) || !key.EndsWith(']') || key.Length <= "filter[]".Length)
        {
            throw new ApiException(SandboxErrors.FilterMalformed, key, "write filters as filter[field]=value");
        }

        var name = key["filter[".Length..^1];
        if (name.StartsWith("metadata.", StringComparison.Ordinal) && _schema.Metadata is { } metadata)
        {
            var path = name["metadata.".Length..].Split('.');
            if (path.Any(p => p.Length == 0))
            {
                throw new ApiException(SandboxErrors.FilterMalformed, key, "a metadata path is metadata.a.b.0.c");
            }

            var matcher = value == "*" ? (Func<object?, bool>)(v => v is not null) : FilterValue.Parse(key, FieldKind.Text, value);
            _filters.Add(item => matcher(MetadataPath.Resolve(metadata(item), path)));
            return;
        }

        if (!_schema.Fields.TryGetValue(name, out var field))
        {
            throw new ApiException(SandboxErrors.FilterUnknownField, name, _schema.FieldList);
        }

        var predicate = FilterValue.Parse(key, field.Kind, value);
        _filters.Add(item => predicate(field.Value(item)));
    }

    /// <summary>Orders nulls first, then values of one kind by their natural order.</summary>
    private sealed class ValueComparer : IComparer<object?>
    {
        public static readonly ValueComparer Instance = new();

        public int Compare(object? x, object? y) => (x, y) switch
        {
            (null, null) => 0,
            (null, _) => -1,
            (_, null) => 1,
            (string a, string b) => string.Compare(a, b, StringComparison.OrdinalIgnoreCase),
            (IComparable a, _) => a.CompareTo(y),
            _ => 0,
        };
    }
}
