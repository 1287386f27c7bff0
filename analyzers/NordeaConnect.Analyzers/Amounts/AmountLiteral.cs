using System.Globalization;

namespace NordeaConnect.Analyzers.Amounts;

/// <summary>The text rule of the API: "must always include two decimals and a dot" (<c>5.00</c>, never <c>5</c>, <c>5.0</c> or <c>5,00</c>).</summary>
internal static class AmountLiteral
{
    public static bool IsValid(string text, bool allowNegative)
    {
        var start = allowNegative && text.Length > 0 && text[0] == '-' ? 1 : 0;
        var dot = text.Length - 3;
        if (dot <= start || text[dot] != '.')
        {
            return false;
        }

        for (var i = start; i < text.Length; i++)
        {
            if (i != dot && !IsAsciiDigit(text[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Rewrites <c>5</c>, <c>5.0</c>, <c>5,00</c> or <c>5.000</c> to <c>5.00</c> when that loses nothing;
    /// <c>5.005</c> or <c>1,234.50</c> have no single right reading and are left to the developer.
    /// </summary>
    public static bool TryNormalize(string text, bool allowNegative, out string normalized)
    {
        normalized = string.Empty;
        var trimmed = text.Trim();
        if (trimmed.Length == 0 || trimmed.IndexOf('.') >= 0 && trimmed.IndexOf(',') >= 0)
        {
            return false;
        }

        var candidate = trimmed.Replace(',', '.');
        if (candidate.IndexOf('.') != candidate.LastIndexOf('.'))
        {
            return false;
        }

        var negative = candidate.StartsWith("-", System.StringComparison.Ordinal);
        if (negative && !allowNegative)
        {
            return false;
        }

        for (var i = negative ? 1 : 0; i < candidate.Length; i++)
        {
            if (candidate[i] != '.' && !IsAsciiDigit(candidate[i]))
            {
                return false;
            }
        }

        if (!decimal.TryParse(candidate, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            || decimal.Round(value, 2) != value)
        {
            return false;
        }

        normalized = value.ToString("0.00", CultureInfo.InvariantCulture);
        return true;
    }

    private static bool IsAsciiDigit(char c) => c >= '0' && c <= '9';
}
