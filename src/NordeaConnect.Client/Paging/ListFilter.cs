using System.Globalization;

namespace NordeaConnect.Client;

/// <summary>
/// One <c>filter[field]=expression</c> of a list call, in exactly the reference's syntax:
/// equal (<c>filter[status]=approved</c>), wildcard (<c>filter[card_number]=411*</c>), any value
/// (<c>filter[metadata.customer]=*</c>), ranges open or closed (<c>100..1000</c>, <c>..1000</c>, <c>100..</c>),
/// dates as <c>yyyyMMdd</c> and instants as <c>yyyyMMddTHHmmss</c> (UTC).
/// </summary>
public sealed record ListFilter
{
    private ListFilter(string field, string expression)
    {
        FilterFieldName.Validate(field, nameof(field));
        Field = field;
        Expression = expression;
    }

    /// <summary>The field inside <c>filter[...]</c>, e.g. <c>created_at</c> or <c>metadata.customer.name</c>.</summary>
    public string Field { get; }

    /// <summary>The value after '=', e.g. <c>20180101..20180131</c>.</summary>
    public string Expression { get; }

    /// <summary>A metadata path field: <c>Metadata("products", "0", "name")</c> is <c>metadata.products.0.name</c>.</summary>
    public static string Metadata(params ReadOnlySpan<string> path)
    {
        if (path.IsEmpty)
        {
            throw new ArgumentException("A metadata path needs at least one key, e.g. Metadata(\"customer\", \"name\").", nameof(path));
        }

        foreach (var segment in path)
        {
            FilterFieldName.ValidateMetadataSegment(segment);
        }

        return "metadata." + string.Join('.', path.ToArray());
    }

    /// <summary>Exact match on a string. Use <see cref="Wildcard"/> for <c>*</c> patterns.</summary>
    public static ListFilter Equal(string field, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length == 0)
        {
            throw new ArgumentException($"The value to match on '{field}' is empty.", nameof(value));
        }

        if (value.Contains('*', StringComparison.Ordinal))
        {
            throw new ArgumentException($"The value '{value}' for '{field}' contains '*', which the upstream reads as a wildcard; use ListFilter.Wildcard for patterns.", nameof(value));
        }

        if (value.Contains("..", StringComparison.Ordinal))
        {
            throw new ArgumentException($"The value '{value}' for '{field}' contains '..', which the upstream reads as a range; use ListFilter.Between for ranges.", nameof(value));
        }

        return new ListFilter(field, value);
    }

    public static ListFilter Equal(string field, bool value) => new(field, value ? "true" : "false");

    public static ListFilter Equal(string field, long value) => new(field, value.ToString(CultureInfo.InvariantCulture));

    public static ListFilter Equal(string field, decimal value) => new(field, FormatDecimal(value));

    /// <summary>Matches a whole day: <c>filter[created_at]=20180930</c>.</summary>
    public static ListFilter Equal(string field, DateOnly day) => new(field, FormatDay(day));

    /// <summary>Matches an exact instant (to the second, UTC): <c>filter[created_at]=20180930T084821</c>.</summary>
    public static ListFilter Equal(string field, DateTimeOffset instant) => new(field, FormatInstant(instant));

    /// <summary>A wildcard match on a string or boolean: <c>411*</c> (starts with), <c>re*</c>, or <c>*</c>.</summary>
    public static ListFilter Wildcard(string field, string pattern)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(pattern);
        if (!pattern.Contains('*', StringComparison.Ordinal))
        {
            throw new ArgumentException($"The pattern '{pattern}' for '{field}' has no '*'; use ListFilter.Equal for exact matches.", nameof(pattern));
        }

        return new ListFilter(field, pattern);
    }

    /// <summary>Any value present: <c>filter[metadata.customer]=*</c>.</summary>
    public static ListFilter Exists(string field) => new(field, "*");

    /// <summary>A closed or open range, bounds included: <c>100..1000</c>, <c>100..</c>, <c>..1000</c>.</summary>
    public static ListFilter Between(string field, long? from, long? to) =>
        Range(field, from?.ToString(CultureInfo.InvariantCulture), to?.ToString(CultureInfo.InvariantCulture), from > to);

    public static ListFilter Between(string field, decimal? from, decimal? to) =>
        Range(field, from is { } f ? FormatDecimal(f) : null, to is { } t ? FormatDecimal(t) : null, from > to);

    /// <summary>Whole days, both included: <c>filter[created_at]=20180101..20180131</c>.</summary>
    public static ListFilter Between(string field, DateOnly? from, DateOnly? to) =>
        Range(field, from is { } f ? FormatDay(f) : null, to is { } t ? FormatDay(t) : null, from > to);

    /// <summary>Instants (UTC, to the second), both included: <c>20180101T000000..20180131T235959</c>.</summary>
    public static ListFilter Between(string field, DateTimeOffset? from, DateTimeOffset? to) =>
        Range(field, from is { } f ? FormatInstant(f) : null, to is { } t ? FormatInstant(t) : null, from > to);

    public static ListFilter AtLeast(string field, long from) => Between(field, from, (long?)null);

    public static ListFilter AtLeast(string field, decimal from) => Between(field, from, (decimal?)null);

    public static ListFilter AtLeast(string field, DateOnly from) => Between(field, from, (DateOnly?)null);

    public static ListFilter AtLeast(string field, DateTimeOffset from) => Between(field, from, (DateTimeOffset?)null);

    public static ListFilter AtMost(string field, long to) => Between(field, (long?)null, to);

    public static ListFilter AtMost(string field, decimal to) => Between(field, (decimal?)null, to);

    public static ListFilter AtMost(string field, DateOnly to) => Between(field, (DateOnly?)null, to);

    public static ListFilter AtMost(string field, DateTimeOffset to) => Between(field, (DateTimeOffset?)null, to);

    public override string ToString() => $"filter[{Field}]={Expression}";

    private static ListFilter Range(string field, string? from, string? to, bool reversed)
    {
        if (from is null && to is null)
        {
            throw new ArgumentException($"A range on '{field}' needs at least one bound.", nameof(field));
        }

        if (reversed)
        {
            throw new ArgumentException($"The range on '{field}' starts at {from} after its end {to}.", nameof(field));
        }

        return new ListFilter(field, $"{from}..{to}");
    }

    private static string FormatDay(DateOnly day) => day.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    private static string FormatInstant(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture);

    // Trailing zeros carry no meaning in a filter; 100.50m is sent as 100.5 and 100.00m as 100.
    private static string FormatDecimal(decimal value) => (value / 1.000000000000000000000000000000000m).ToString(CultureInfo.InvariantCulture);
}
