using System.Globalization;
using NordeaConnect.Sandbox.Errors;

namespace NordeaConnect.Sandbox.Listing;

/// <summary>
/// Parses one filter value for a field kind into a predicate over the field's value: equality, <c>*</c> wildcards,
/// and for numbers and dates <c>a..b</c>, <c>..b</c>, <c>a..</c>. Dates are <c>yyyyMMdd</c> (the whole day) or
/// <c>yyyyMMddTHHmmss</c> (that second).
/// </summary>
internal static class FilterValue
{
    public static Func<object?, bool> Parse(string parameter, FieldKind kind, string text)
    {
        if (text.Length == 0)
        {
            throw Malformed(parameter, "the value is empty");
        }

        if (text == "*")
        {
            return value => value is not null;
        }

        return kind switch
        {
            FieldKind.Text => TextMatcher(text),
            FieldKind.Boolean => BooleanMatcher(parameter, text),
            FieldKind.Integer => RangeMatcher(parameter, text, ParseInteger),
            FieldKind.Decimal => RangeMatcher(parameter, text, ParseDecimal),
            FieldKind.Date => DateMatcher(parameter, text),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown field kind."),
        };
    }

    /// <summary>Case-insensitive equality, or a glob where <c>*</c> stands for any run of characters.</summary>
    public static Func<object?, bool> TextMatcher(string pattern)
    {
        if (!pattern.Contains('*', StringComparison.Ordinal))
        {
            return value => value is not null && string.Equals(TextOf(value), pattern, StringComparison.OrdinalIgnoreCase);
        }

        var parts = pattern.Split('*');
        return value => value is not null && Glob(TextOf(value), parts);
    }

    public static string TextOf(object value) => value switch
    {
        string s => s,
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    private static bool Glob(string text, string[] parts)
    {
        if (!text.StartsWith(parts[0], StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var position = parts[0].Length;
        for (var i = 1; i < parts.Length - 1; i++)
        {
            var found = text.IndexOf(parts[i], position, StringComparison.OrdinalIgnoreCase);
            if (found < 0)
            {
                return false;
            }

            position = found + parts[i].Length;
        }

        var last = parts[^1];
        return text.Length - position >= last.Length && text.EndsWith(last, StringComparison.OrdinalIgnoreCase);
    }

    private static Func<object?, bool> BooleanMatcher(string parameter, string text)
    {
        var expected = text.ToUpperInvariant() switch
        {
            "TRUE" => true,
            "FALSE" => false,
            _ => throw Malformed(parameter, "expected true, false or *"),
        };
        return value => value is bool actual && actual == expected;
    }

    private static Func<object?, bool> RangeMatcher<TValue>(string parameter, string text, Func<string, string, TValue> parse)
        where TValue : struct, IComparable<TValue>
    {
        var (from, to, isRange) = SplitRange(parameter, text);
        if (!isRange)
        {
            var exact = parse(parameter, text);
            return value => value is TValue actual && actual.CompareTo(exact) == 0;
        }

        TValue? lower = from is null ? null : parse(parameter, from);
        TValue? upper = to is null ? null : parse(parameter, to);
        return value => value is TValue actual
            && (lower is not { } l || actual.CompareTo(l) >= 0)
            && (upper is not { } u || actual.CompareTo(u) <= 0);
    }

    private static Func<object?, bool> DateMatcher(string parameter, string text)
    {
        var (from, to, isRange) = SplitRange(parameter, text);
        if (!isRange)
        {
            var (start, end) = ParseDate(parameter, text);
            return value => value is DateTimeOffset actual && actual >= start && actual < end;
        }

        DateTimeOffset? lower = from is null ? null : ParseDate(parameter, from).Start;
        DateTimeOffset? upper = to is null ? null : ParseDate(parameter, to).End;
        return value => value is DateTimeOffset actual
            && (lower is not { } l || actual >= l)
            && (upper is not { } u || actual < u);
    }

    private static (string? From, string? To, bool IsRange) SplitRange(string parameter, string text)
    {
        var separator = text.IndexOf("..", StringComparison.Ordinal);
        if (separator < 0)
        {
            return (null, null, false);
        }

        var from = text[..separator];
        var to = text[(separator + 2)..];
        if (to.Contains("..", StringComparison.Ordinal) || from.Length == 0 && to.Length == 0)
        {
            throw Malformed(parameter, "a range is from..to, ..to or from..");
        }

        return (from.Length == 0 ? null : from, to.Length == 0 ? null : to, true);
    }

    private static long ParseInteger(string parameter, string text) =>
        long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Malformed(parameter, $"'{text}' is not a whole number");

    private static decimal ParseDecimal(string parameter, string text) =>
        decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Malformed(parameter, $"'{text}' is not a number such as 100 or 100.50");

    /// <summary>The half-open interval a date or date-time stands for: a whole day, or one second.</summary>
    private static (DateTimeOffset Start, DateTimeOffset End) ParseDate(string parameter, string text)
    {
        const DateTimeStyles utc = DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal;
        if (text.Length == 8 && DateTime.TryParseExact(text, "yyyyMMdd", CultureInfo.InvariantCulture, utc, out var day))
        {
            var start = new DateTimeOffset(day, TimeSpan.Zero);
            return (start, start.AddDays(1));
        }

        if (text.Length == 15 && DateTime.TryParseExact(text, "yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture, utc, out var second))
        {
            var start = new DateTimeOffset(second, TimeSpan.Zero);
            return (start, start.AddSeconds(1));
        }

        throw Malformed(parameter, $"'{text}' is not a date of the form yyyyMMdd or yyyyMMddTHHmmss");
    }

    private static ApiException Malformed(string parameter, string problem) => new(SandboxErrors.FilterMalformed, parameter, problem);
}
