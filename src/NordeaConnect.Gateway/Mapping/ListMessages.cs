using System.Globalization;
using NordeaConnect.Gateway.Results;
using NordeaConnect.Primitives;
using Upstream = NordeaConnect.Client;
using V1 = NordeaConnect.Grains.V1;

namespace NordeaConnect.Gateway.Mapping;

/// <summary>
/// A list call's options in the façade's form (Nordea Connect's own syntax as strings) into the client's query
/// builder, and a page's position back into <see cref="V1.PageInfo"/>.
/// </summary>
public static class ListMessages
{
    /// <summary>
    /// The largest page a caller may ask: the sandbox's own cap (the reference's example asks 99,999). Whether such a
    /// page fits one answer is <see cref="ListAnswers"/>' check, which refuses it naming the limit that fits.
    /// </summary>
    public const int MaxLimit = 100_000;

    /// <summary>A run this long of digits in a filter is a full card number, which must not travel in a query string.</summary>
    public const int CardNumberDigits = 12;

    public static Upstream.ListOptions FromMessage(V1.ListOptions? options) => FromMessage<Upstream.ListOptions>(options);

    /// <summary>
    /// Runs a list call to the client, whose options check (a filter on a field the resource cannot be filtered on)
    /// throws <see cref="ArgumentException"/> before any request: that is the caller's mistake, answered 100.100.001.
    /// </summary>
    public static async Task<T> ListAsync<T>(Func<Task<T>> list)
    {
        ArgumentNullException.ThrowIfNull(list);
        try
        {
            return await list().ConfigureAwait(false);
        }
        catch (ArgumentException ex)
        {
            throw Invalid("options.filters: " + ex.Message.Split(" (Parameter", 2)[0], "options.filters");
        }
    }

    /// <summary>The options as the resource's own list options (e.g. <see cref="Upstream.TransactionListOptions"/>), for its scoping fields.</summary>
    public static TOptions FromMessage<TOptions>(V1.ListOptions? options)
        where TOptions : Upstream.ListOptions, new()
    {
        var result = new TOptions();
        if (options is null)
        {
            return result;
        }

        if (options.Limit is < 0 or > MaxLimit)
        {
            throw Invalid($"options.limit {options.Limit.ToString(CultureInfo.InvariantCulture)} is out of range: give 1 to {MaxLimit.ToString(CultureInfo.InvariantCulture)} (Nordea Connect's largest page), or 0 for the default of 10", "options.limit");
        }

        if (options.Offset < 0)
        {
            throw Invalid($"options.offset {options.Offset.ToString(CultureInfo.InvariantCulture)} is negative", "options.offset");
        }

        if (options.StartId < 0)
        {
            throw Invalid($"options.start_id {options.StartId.ToString(CultureInfo.InvariantCulture)} is negative", "options.start_id");
        }

        result.Limit = options.Limit == 0 ? null : options.Limit;
        result.Offset = options.Offset == 0 ? null : options.Offset;
        result.StartId = options.StartId == 0 ? null : options.StartId;
        result.OrderBy = OrderBy(options.OrderBy);
        try
        {
            foreach (var (field, expression) in options.Filters.OrderBy(f => f.Key, StringComparer.Ordinal))
            {
                result.AddFilter(Filter(field, expression));
            }

            if (options.Extend.Count > 0)
            {
                result.AddExtend(options.Extend);
            }
        }
        catch (ArgumentException ex)
        {
            // The client's builder names the field and the rule it broke; that is the caller's answer.
            throw Invalid("options: " + ex.Message, "options");
        }

        return result;
    }

    public static V1.PageInfo ToMessage<T>(this Upstream.Page<T> page)
    {
        ArgumentNullException.ThrowIfNull(page);
        return new V1.PageInfo
        {
            Offset = (int)Math.Min(page.Offset, int.MaxValue),
            Limit = page.Limit,
            Total = page.Total ?? page.Offset + page.Items.Count,
        };
    }

    private static Upstream.SortOrder? OrderBy(string text)
    {
        if (text.Length == 0)
        {
            return null;
        }

        var descending = text.EndsWith(":desc", StringComparison.Ordinal);
        var field = descending ? text[..^":desc".Length] : text.EndsWith(":asc", StringComparison.Ordinal) ? text[..^":asc".Length] : text;
        if (field.Length == 0 || field.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '_' or '.')))
        {
            throw Invalid($"options.order_by '{Shown(text)}' is not a field name optionally followed by ':desc', e.g. amount:desc", "options.order_by");
        }

        return new Upstream.SortOrder(field, descending);
    }

    /// <summary>
    /// One filter in the reference's syntax: <c>*</c> patterns, <c>a..b</c> ranges (numbers, <c>yyyyMMdd</c> days or
    /// <c>yyyyMMddTHHmmss</c> instants), otherwise an exact value.
    /// </summary>
    private static Upstream.ListFilter Filter(string field, string expression)
    {
        if (expression.Length == 0)
        {
            throw Invalid($"options.filters[{Shown(field)}] is empty: give a value, a pattern with * or a range a..b", $"options.filters[{Shown(field)}]");
        }

        if (HasDigitRun(expression, CardNumberDigits))
        {
            // Filters travel upstream in the query string, where request logs keep them; a card number must not.
            throw Invalid(
                $"options.filters[{Shown(field)}] holds {CardNumberDigits} or more digits in a row, like a full card number: filter on the last four digits (*1111) or the masked form (411111******1111)",
                $"options.filters[{Shown(field)}]");
        }

        if (expression.Contains('*', StringComparison.Ordinal))
        {
            return Upstream.ListFilter.Wildcard(field, expression);
        }

        var range = expression.IndexOf("..", StringComparison.Ordinal);
        if (range < 0)
        {
            return Upstream.ListFilter.Equal(field, expression);
        }

        var from = expression[..range];
        var to = expression[(range + 2)..];
        if (from.Length == 0 && to.Length == 0)
        {
            throw Invalid($"options.filters[{Shown(field)}] '..' has no bounds: give a..b, a.. or ..b", $"options.filters[{Shown(field)}]");
        }

        if (IsInstantOrOpen(from) && IsInstantOrOpen(to))
        {
            return Upstream.ListFilter.Between(field, Instant(from), Instant(to));
        }

        // A yyyyMMdd day is also a number, and both render to the same digits, so days need no path of their own.
        if (IsNumberOrOpen(from) && IsNumberOrOpen(to))
        {
            return Upstream.ListFilter.Between(field, Number(from), Number(to));
        }

        throw Invalid($"options.filters[{Shown(field)}] '{Shown(expression)}' is not a range of numbers, days (yyyyMMdd) or instants (yyyyMMddTHHmmss)", $"options.filters[{Shown(field)}]");
    }

    private const string InstantFormat = "yyyyMMdd'T'HHmmss";

    private const NumberStyles NumberStyle = NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign;

    private static bool IsInstantOrOpen(string bound) =>
        bound.Length == 0 || DateTimeOffset.TryParseExact(bound, InstantFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _);

    private static bool IsNumberOrOpen(string bound) =>
        bound.Length == 0 || decimal.TryParse(bound, NumberStyle, CultureInfo.InvariantCulture, out _);

    private static DateTimeOffset? Instant(string bound) =>
        bound.Length == 0 ? null : DateTimeOffset.ParseExact(bound, InstantFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    private static decimal? Number(string bound) =>
        bound.Length == 0 ? null : decimal.Parse(bound, NumberStyle, CultureInfo.InvariantCulture);

    private static GatewayRefusalException Invalid(string description, string field) => new(ResultCode.InvalidArgument, description, field);

    /// <summary>A caller's text as quoted back: at most 40 characters.</summary>
    private static string Shown(string text) => text.Length > 40 ? text[..40] + "…" : text;

    private static bool HasDigitRun(string text, int length)
    {
        var run = 0;
        foreach (var c in text)
        {
            run = char.IsAsciiDigit(c) ? run + 1 : 0;
            if (run >= length)
            {
                return true;
            }
        }

        return false;
    }
}
