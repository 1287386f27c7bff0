using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace NordeaConnect.Client;

/// <summary>
/// The <c>Content-Range</c> header of a list call, e.g. <c>items 16-20/173</c>: items 16 to 20 of 173, inclusive and
/// counted from one (as the reference's example and the sandbox read it; the client's paging never depends on which,
/// it advances by the items that arrived). An empty result is <c>items */0</c>; an unknown total is <c>*</c>.
/// </summary>
public readonly record struct ContentRange(string Unit, long? First, long? Last, long? Total)
{
    /// <summary>How many items the range covers (0 for an unsatisfied range such as <c>*/0</c>).</summary>
    public long Count => First is { } first && Last is { } last ? last - first + 1 : 0;

    public static ContentRange Parse(string text) =>
        TryParse(text, out var range)
            ? range
            : throw new FormatException($"'{text}' is not a Content-Range header of the form 'items 16-20/173'.");

    public static bool TryParse([NotNullWhen(true)] string? text, out ContentRange range)
    {
        range = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        // Some servers write "items=16-20/173"; the unit is separated by a space or an equals sign.
        var trimmed = text.Trim();
        var unitEnd = trimmed.IndexOfAny([' ', '=']);
        if (unitEnd <= 0)
        {
            return false;
        }

        var unit = trimmed[..unitEnd];
        var rest = trimmed[(unitEnd + 1)..].Trim();
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0)
        {
            return false;
        }

        var spanText = rest[..slash].Trim();
        var totalText = rest[(slash + 1)..].Trim();

        long? total = null;
        if (totalText != "*")
        {
            if (!TryParseCount(totalText, out var parsedTotal))
            {
                return false;
            }

            total = parsedTotal;
        }

        if (spanText == "*")
        {
            range = new ContentRange(unit, null, null, total);
            return true;
        }

        var dash = spanText.IndexOf('-', StringComparison.Ordinal);
        if (dash <= 0
            || !TryParseCount(spanText[..dash], out var first)
            || !TryParseCount(spanText[(dash + 1)..], out var last)
            || last < first)
        {
            return false;
        }

        range = new ContentRange(unit, first, last, total);
        return true;
    }

    private static bool TryParseCount(string text, out long value) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);

    public override string ToString()
    {
        var span = First is { } first && Last is { } last
            ? string.Create(CultureInfo.InvariantCulture, $"{first}-{last}")
            : "*";
        var total = Total?.ToString(CultureInfo.InvariantCulture) ?? "*";
        return $"{Unit} {span}/{total}";
    }
}
