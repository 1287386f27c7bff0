namespace NordeaConnect.Primitives;

/// <summary>The textual rules for amounts, kept apart so every refusal names the rule it applies.</summary>
internal static class AmountSyntax
{
    /// <summary>Upstream text is at most this long; anything longer is not an amount the API could have sent.</summary>
    private const int MaxUpstreamLength = 32;

    public const string StrictRule = "an amount must be plain digits, a dot and exactly two decimals, e.g. 12.00";

    /// <summary>Returns null when <paramref name="text"/> is a strict <c>digits.dd</c> amount, else the reason.</summary>
    public static string? CheckStrict(string? text)
    {
        if (text is null)
        {
            return "amount is missing: " + StrictRule;
        }

        var shown = Show(text);
        if (text.Length == 0)
        {
            return "amount is empty: " + StrictRule;
        }

        if (text.Length > Amount.MaxIntegerDigits + 3 + 8)
        {
            return $"amount '{shown}' is too long: {StrictRule}, at most {Amount.MaxIntegerDigits} digits before the dot";
        }

        if (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1]) || text.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c == '\u200B' || c == '\uFEFF'))
        {
            return $"amount '{shown}' contains whitespace or invisible characters: {StrictRule}";
        }

        if (text[0] == '-' || text[0] == '\u2212')
        {
            return $"amount '{shown}' is negative: amounts are never negative; {StrictRule}";
        }

        if (text[0] == '+')
        {
            return $"amount '{shown}' has a sign: {StrictRule}";
        }

        if (text.Contains('e', StringComparison.OrdinalIgnoreCase))
        {
            return $"amount '{shown}' uses an exponent: {StrictRule}";
        }

        if (text.Contains(','))
        {
            return $"amount '{shown}' contains a comma (decimal comma or thousands separator): {StrictRule}";
        }

        if (text.Any(c => c is '\'' or '_' or '\u00A0' or '\u202F'))
        {
            return $"amount '{shown}' contains a thousands separator: {StrictRule}";
        }

        var dot = text.IndexOf('.', StringComparison.Ordinal);
        if (dot < 0)
        {
            return $"amount '{shown}' has no decimals: {StrictRule}";
        }

        if (text.IndexOf('.', dot + 1) >= 0)
        {
            return $"amount '{shown}' has more than one dot (thousands separator?): {StrictRule}";
        }

        var integer = text.AsSpan(0, dot);
        var fraction = text.AsSpan(dot + 1);
        if (!IsAsciiDigits(integer) || !IsAsciiDigits(fraction))
        {
            return $"amount '{shown}' contains characters other than ASCII digits and one dot: {StrictRule}";
        }

        if (integer.Length == 0)
        {
            return $"amount '{shown}' has no digits before the dot: {StrictRule}";
        }

        if (fraction.Length != 2)
        {
            return fraction.Length > 2
                ? $"amount '{shown}' has {fraction.Length} decimals, a third decimal is not allowed: {StrictRule}"
                : $"amount '{shown}' has {fraction.Length} decimal(s): {StrictRule}";
        }

        if (integer.Length > 1 && integer[0] == '0')
        {
            return $"amount '{shown}' has a leading zero: {StrictRule}";
        }

        if (integer.Length > Amount.MaxIntegerDigits)
        {
            return $"amount '{shown}' is too large: {StrictRule}, at most {Amount.MaxIntegerDigits} digits before the dot";
        }

        return null;
    }

    /// <summary>Shapes the upstream is known to send: digits with an optional dot and decimals.</summary>
    public static bool IsUpstreamShape(string text)
    {
        if (text.Length is 0 or > MaxUpstreamLength)
        {
            return false;
        }

        var dot = text.IndexOf('.', StringComparison.Ordinal);
        var integer = dot < 0 ? text.AsSpan() : text.AsSpan(0, dot);
        var fraction = dot < 0 ? [] : text.AsSpan(dot + 1);
        return integer.Length > 0 && IsAsciiDigits(integer) && IsAsciiDigits(fraction) && (dot < 0 || fraction.Length > 0);
    }

    public static string DescribeUpstream(string text) =>
        $"amount '{Show(text)}' is not an amount as Nordea Connect writes them (digits with an optional dot and decimals, not negative, at most {Amount.MaxIntegerDigits} digits before the dot)";

    public static long ToMinorUnits(ReadOnlySpan<char> integer, ReadOnlySpan<char> twoDecimals)
    {
        long value = 0;
        foreach (var c in integer)
        {
            value = (value * 10) + (c - '0');
        }

        return (value * 100) + ((twoDecimals[0] - '0') * 10) + (twoDecimals[1] - '0');
    }

    private static bool IsAsciiDigits(ReadOnlySpan<char> span)
    {
        foreach (var c in span)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Shows hostile input safely in a message: bounded, with control characters escaped.</summary>
    internal static string Show(string text)
    {
        const int MaxShown = 40;
        var clipped = text.Length > MaxShown ? text[..MaxShown] + "…" : text;
        var builder = new System.Text.StringBuilder(clipped.Length);
        foreach (var c in clipped)
        {
            if (char.IsControl(c) || c is '\u200B' or '\uFEFF' or '\u00A0' or '\u202F')
            {
                builder.Append("\\u").Append(((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
