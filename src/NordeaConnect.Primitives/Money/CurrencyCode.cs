using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;

namespace NordeaConnect.Primitives;

/// <summary>One of the 42 currencies Nordea Connect accepts; lower-case on the wire, read in any case.</summary>
[JsonConverter(typeof(CurrencyCodeJsonConverter))]
public readonly struct CurrencyCode : IEquatable<CurrencyCode>
{
    private static readonly (string Code, string Name)[] Accepted =
    [
        ("sek", "Swedish Krona"), ("cad", "Canadian Dollar"), ("cny", "Chinese Yuan"), ("cop", "Colombian Peso"),
        ("czk", "Czech Republic Koruna"), ("dkk", "Danish Krone"), ("hkd", "Hong Kong Dollar"), ("huf", "Hungarian Forint"),
        ("isk", "Icelandic Króna"), ("inr", "Indian Rupee"), ("ils", "Israeli New Sheqel"), ("jpy", "Japanese Yen"),
        ("kes", "Kenyan Shilling"), ("krw", "South Korean Won"), ("kwd", "Kuwaiti Dinar"), ("lvl", "Latvian Lats"),
        ("myr", "Malaysian Ringgit"), ("mxn", "Mexican Peso"), ("mad", "Moroccan Dirham"), ("omr", "Omani Rial"),
        ("nzd", "New Zealand Dollar"), ("nok", "Norwegian Krone"), ("pab", "Panamanian Balboa"), ("qar", "Qatari Rial"),
        ("rub", "Russian Ruble"), ("sar", "Saudi Riyal"), ("sgd", "Singapore Dollar"), ("zar", "South African Rand"),
        ("chf", "Swiss Franc"), ("thb", "Thai Baht"), ("ttd", "Trinidad and Tobago Dollar"), ("aed", "United Arab Emirates Dirham"),
        ("gbp", "British Pound Sterling"), ("usd", "US Dollar"), ("twd", "New Taiwan Dollar"), ("vef", "Venezuelan Bolívar"),
        ("ron", "Romanian Leu"), ("try", "Turkish Lira"), ("eur", "Euro"), ("uah", "Ukrainian Hryvnia"),
        ("pln", "Polish Zloty"), ("brl", "Brazilian Real"),
    ];

    private static readonly FrozenDictionary<string, string> NamesByCode =
        Accepted.ToFrozenDictionary(c => c.Code, c => c.Name, StringComparer.OrdinalIgnoreCase);

    private readonly string? _code;

    private CurrencyCode(string code) => _code = code;

    public static CurrencyCode Sek { get; } = new("sek");

    public static CurrencyCode Eur { get; } = new("eur");

    public static CurrencyCode Usd { get; } = new("usd");

    public static CurrencyCode Nok { get; } = new("nok");

    public static CurrencyCode Dkk { get; } = new("dkk");

    /// <summary>Every accepted currency, in the reference's order.</summary>
    public static IReadOnlyList<CurrencyCode> All { get; } = Accepted.Select(c => new CurrencyCode(c.Code)).ToArray();

    /// <summary>The lower-case ISO 4217 code, e.g. <c>sek</c>.</summary>
    public string Code => _code ?? throw new InvalidOperationException("This CurrencyCode was never assigned; use CurrencyCode.Parse.");

    /// <summary>The English name, e.g. <c>Swedish Krona</c>.</summary>
    public string Name => NamesByCode[Code];

    public static CurrencyCode Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, out var currency)
            ? currency
            : throw new FormatException($"currency '{AmountSyntax.Show(text)}' is not one Nordea Connect accepts; use one of: {string.Join(", ", Accepted.Select(c => c.Code))}");
    }

    public static bool TryParse([NotNullWhen(true)] string? text, out CurrencyCode currency)
    {
        currency = default;
        if (text is null || text.Length != 3 || !NamesByCode.TryGetValue(text, out _))
        {
            return false;
        }

        currency = new CurrencyCode(text.ToLowerInvariant());
        return true;
    }

    public override string ToString() => Code;

    public bool Equals(CurrencyCode other) => string.Equals(_code, other._code, StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is CurrencyCode other && Equals(other);

    public override int GetHashCode() => _code is null ? 0 : StringComparer.Ordinal.GetHashCode(_code);

    public static bool operator ==(CurrencyCode left, CurrencyCode right) => left.Equals(right);

    public static bool operator !=(CurrencyCode left, CurrencyCode right) => !left.Equals(right);
}
