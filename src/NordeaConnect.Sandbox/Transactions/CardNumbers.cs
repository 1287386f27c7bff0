namespace NordeaConnect.Sandbox.Transactions;

/// <summary>Card number checks and the masking the reference shows (<c>411111******1111</c>).</summary>
internal static class CardNumbers
{
    /// <summary>Whether <paramref name="digits"/> is 12-19 digits with a valid Luhn check digit.</summary>
    public static bool IsValid(string digits)
    {
        if (digits.Length is < 12 or > 19 || !digits.All(char.IsAsciiDigit))
        {
            return false;
        }

        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var digit = digits[digits.Length - 1 - i] - '0';
            if (i % 2 == 1)
            {
                digit *= 2;
                if (digit > 9)
                {
                    digit -= 9;
                }
            }

            sum += digit;
        }

        return sum % 10 == 0;
    }

    /// <summary>The first six and last four digits, the rest starred.</summary>
    public static string Mask(string digits) => string.Concat(digits.AsSpan(0, 6), new string('*', digits.Length - 10), digits.AsSpan(digits.Length - 4));

    /// <summary>The scheme a number belongs to, by its issuer prefix, as the reference prints card_type.</summary>
    public static string BrandOf(string digits)
    {
        var two = int.Parse(digits.AsSpan(0, 2), provider: System.Globalization.CultureInfo.InvariantCulture);
        var four = int.Parse(digits.AsSpan(0, 4), provider: System.Globalization.CultureInfo.InvariantCulture);
        return digits[0] switch
        {
            '4' => "VISA",
            '5' when two is >= 51 and <= 55 => "MASTERCARD",
            '2' when four is >= 2221 and <= 2720 => "MASTERCARD",
            '3' when two is 34 or 37 => "AMEX",
            '3' when two is 30 or 36 or 38 => "DINERS",
            '5' or '6' => "MAESTRO",
            _ => "UNKNOWN",
        };
    }

    /// <summary>The card types the reference lists for <c>card_type</c>.</summary>
    public static readonly IReadOnlySet<string> KnownTypes = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "visa", "mastercard", "maestro", "electron", "debit_mastercard", "visa_debit", "amex", "diners", "uk_maestro", "stored_card",
    };
}
