using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace NordeaConnect.Sandbox.Templating.Rendering;

/// <summary>
/// The filters templates may use: those the reference's examples use (<c>upcase</c>) and Liquid's common string,
/// number, list and date filters. An unknown filter is refused when the template is stored, not when it renders.
/// </summary>
internal static partial class FilterTable
{
    private static readonly Dictionary<string, LiquidFilter> Filters = new LiquidFilter[]
    {
        new("upcase", 0, 0, (input, _, c) => c.Text(input).ToUpperInvariant()),
        new("downcase", 0, 0, (input, _, c) => c.Text(input).ToLowerInvariant()),
        new("capitalize", 0, 0, (input, _, c) => Capitalize(c.Text(input))),
        new("strip", 0, 0, (input, _, c) => c.Text(input).Trim()),
        new("lstrip", 0, 0, (input, _, c) => c.Text(input).TrimStart()),
        new("rstrip", 0, 0, (input, _, c) => c.Text(input).TrimEnd()),
        new("append", 1, 1, (input, args, c) => c.Produce(c.Text(input) + c.Text(args[0]))),
        new("prepend", 1, 1, (input, args, c) => c.Produce(c.Text(args[0]) + c.Text(input))),
        new("replace", 2, 2, (input, args, c) => Replace(c.Text(input), c.Text(args[0]), c.Text(args[1]), c)),
        new("remove", 1, 1, (input, args, c) => Replace(c.Text(input), c.Text(args[0]), string.Empty, c)),
        new("truncate", 1, 2, (input, args, c) => Truncate(c.Text(input), LiquidValues.ToInteger(args[0], "truncate length"), args.Length > 1 ? c.Text(args[1]) : "...")),
        new("escape", 0, 0, (input, _, c) => WebUtility.HtmlEncode(c.Text(input))),
        new("url_encode", 0, 0, (input, _, c) => WebUtility.UrlEncode(c.Text(input))),
        new("url_decode", 0, 0, (input, _, c) => WebUtility.UrlDecode(c.Text(input))),
        new("strip_html", 0, 0, (input, _, c) => HtmlTag().Replace(c.Text(input), string.Empty)),
        new("newline_to_br", 0, 0, (input, _, c) => c.Produce(c.Text(input).Replace("\n", "<br />\n", StringComparison.Ordinal))),
        new("default", 1, 1, (input, args, c) => input is null or false || (input is string { Length: 0 }) || (input is IReadOnlyList<object?> { Count: 0 }) ? args[0] : input),
        new("size", 0, 0, (input, _, c) => Size(input)),
        new("first", 0, 0, (input, _, c) => input is IReadOnlyList<object?> list ? (list.Count > 0 ? list[0] : null) : null),
        new("last", 0, 0, (input, _, c) => input is IReadOnlyList<object?> list ? (list.Count > 0 ? list[^1] : null) : null),
        new("join", 0, 1, (input, args, c) => c.Produce(string.Join(args.Length > 0 ? c.Text(args[0]) : " ", LiquidValues.ToSequence(input).Select(LiquidValues.ToText)))),
        new("split", 1, 1, (input, args, c) => Split(c.Text(input), c.Text(args[0]))),
        new("reverse", 0, 0, (input, _, c) => LiquidValues.ToSequence(input).Reverse().ToList()),
        new("json", 0, 0, (input, _, c) => c.Produce(LiquidValues.ToNode(input)?.ToJsonString() ?? "null")),
        new("date", 1, 1, (input, args, c) => FormatDate(input, c.Text(args[0]), c.Time)),
        new("plus", 1, 1, (input, args, c) => Arithmetic("plus", input, args[0], (a, b) => a + b)),
        new("minus", 1, 1, (input, args, c) => Arithmetic("minus", input, args[0], (a, b) => a - b)),
        new("times", 1, 1, (input, args, c) => Arithmetic("times", input, args[0], (a, b) => a * b)),
        new("divided_by", 1, 1, (input, args, c) => Divide(input, args[0])),
        new("modulo", 1, 1, (input, args, c) => Arithmetic("modulo", input, args[0], (a, b) => b == 0 ? throw new LiquidRenderException("modulo: division by zero.") : a % b)),
        new("round", 0, 1, (input, args, c) => decimal.Round(Number("round", input), (int)Math.Clamp(args.Length > 0 ? LiquidValues.ToInteger(args[0], "round precision") : 0, 0, 28), MidpointRounding.AwayFromZero)),
        new("abs", 0, 0, (input, _, c) => Math.Abs(Number("abs", input))),
        new("ceil", 0, 0, (input, _, c) => decimal.Ceiling(Number("ceil", input))),
        new("floor", 0, 0, (input, _, c) => decimal.Floor(Number("floor", input))),
    }.ToDictionary(filter => filter.Name, StringComparer.Ordinal);

    public static IReadOnlyCollection<string> Names => Filters.Keys;

    public static bool TryGet(string name, out LiquidFilter filter) => Filters.TryGetValue(name, out filter!);

    private static string Capitalize(string text) =>
        text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..].ToLowerInvariant();

    private static string Replace(string text, string find, string replacement, RenderContext context)
    {
        if (find.Length == 0)
        {
            return text;
        }

        // Checked before replacing: a long replacement of a frequent text could otherwise build gigabytes first.
        if (replacement.Length > find.Length)
        {
            var occurrences = 0L;
            for (var at = text.IndexOf(find, StringComparison.Ordinal); at >= 0; at = text.IndexOf(find, at + find.Length, StringComparison.Ordinal))
            {
                occurrences++;
            }

            context.Reserve(text.Length + (occurrences * (replacement.Length - find.Length)));
        }

        return text.Replace(find, replacement, StringComparison.Ordinal);
    }

    private static string Truncate(string text, long length, string ellipsis)
    {
        if (text.Length <= length)
        {
            return text;
        }

        var keep = (int)Math.Max(0, length - ellipsis.Length);
        return text[..keep] + ellipsis;
    }

    private static decimal Size(object? value) => value switch
    {
        string text => text.Length,
        IReadOnlyList<object?> list => list.Count,
        System.Text.Json.Nodes.JsonObject obj => obj.Count,
        IReadOnlyDictionary<string, object?> map => map.Count,
        _ => 0,
    };

    private static List<object?> Split(string text, string separator) =>
        separator.Length == 0
            ? [.. text.Select(c => (object?)c.ToString())]
            : [.. text.Split(separator).Select(part => (object?)part)];

    private static decimal Number(string filter, object? value) =>
        LiquidValues.TryToDecimal(value, out var number)
            ? number
            : throw new LiquidRenderException(filter + ": '" + LiquidValues.Preview(value) + "' is not a number.");

    private static decimal Arithmetic(string filter, object? left, object? right, Func<decimal, decimal, decimal> operation)
    {
        try
        {
            return operation(Number(filter, left), Number(filter, right));
        }
        catch (OverflowException)
        {
            throw new LiquidRenderException(filter + ": the result is too large.");
        }
    }

    /// <summary>As in Liquid, dividing by an integer gives an integer (rounded down); by a decimal, a decimal.</summary>
    private static decimal Divide(object? left, object? right) => Arithmetic("divided_by", left, right, (a, b) =>
    {
        if (b == 0)
        {
            throw new LiquidRenderException("divided_by: division by zero.");
        }

        return b == decimal.Truncate(b) && b.Scale == 0 ? decimal.Floor(a / b) : a / b;
    });

    private static object? FormatDate(object? input, string format, TimeProvider time)
    {
        DateTimeOffset instant;
        switch (input)
        {
            case string text when text is "now" or "today":
                instant = time.GetUtcNow();
                break;
            case string text when DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed):
                instant = parsed;
                break;
            case decimal seconds when seconds is >= -62_135_596_800m and <= 253_402_300_799m:
                instant = DateTimeOffset.FromUnixTimeSeconds((long)seconds);
                break;
            default:
                // Liquid leaves input that is not a date unchanged.
                return input;
        }

        return format.Length == 0 ? input : StrftimeFormatter.Format(instant, format);
    }

    [GeneratedRegex("<[^>]*>", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex HtmlTag();
}
