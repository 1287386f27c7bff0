using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json.Serialization;

namespace NordeaConnect.Primitives;

/// <summary>
/// A non-negative sum of money with exactly two decimals, as Nordea Connect requires
/// ("amounts must always include two decimals and a dot").
/// </summary>
[JsonConverter(typeof(AmountJsonConverter))]
public readonly struct Amount : IEquatable<Amount>, IComparable<Amount>, ISpanFormattable
{
    /// <summary>The most digits allowed before the decimal point; anything longer is refused as absurd.</summary>
    public const int MaxIntegerDigits = 12;

    private const string UpstreamFormat = "0.00";

    public static readonly Amount Zero;

    public static readonly Amount MaxValue = new(999_999_999_999.99m);

    private readonly long _minorUnits;

    private Amount(decimal value) => _minorUnits = (long)(value * 100m);

    private Amount(long minorUnits, bool _) => _minorUnits = minorUnits;

    /// <summary>The value, always with scale two (so <c>5</c> is <c>5.00m</c>).</summary>
    public decimal Value => new((int)(_minorUnits & 0xFFFFFFFF), (int)(_minorUnits >> 32), 0, false, 2);

    /// <summary>The value in hundredths (öre, cents).</summary>
    public long MinorUnits => _minorUnits;

    public static Amount FromDecimal(decimal value)
    {
        if (value < 0m)
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "An amount cannot be negative.");
        }

        if (value > MaxValue.Value)
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, $"An amount cannot exceed {MaxValue.ToUpstreamString()}.");
        }

        if (decimal.Round(value, 2) != value)
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "An amount has at most two decimals; round it explicitly before converting.");
        }

        return new Amount(value);
    }

    public static Amount FromMinorUnits(long minorUnits)
    {
        if (minorUnits < 0 || minorUnits > MaxValue._minorUnits)
        {
            throw new ArgumentOutOfRangeException(nameof(minorUnits), minorUnits, $"An amount in minor units must be between 0 and {MaxValue._minorUnits}.");
        }

        return new Amount(minorUnits, true);
    }

    /// <summary>Parses caller input strictly: only <c>digits.dd</c>, as the upstream API itself requires.</summary>
    /// <exception cref="AmountFormatException">The text is not a plain <c>digits.dd</c> amount; the message names the value and the rule.</exception>
    public static Amount Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, out var amount, out var error) ? amount : throw new AmountFormatException(text, error);
    }

    /// <summary>Parses caller input strictly; on failure <paramref name="error"/> names the value and the rule it broke.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out Amount amount, [NotNullWhen(false)] out string? error)
    {
        amount = Zero;
        error = AmountSyntax.CheckStrict(text);
        if (error is not null)
        {
            return false;
        }

        var valid = text!;
        amount = new Amount(AmountSyntax.ToMinorUnits(valid.AsSpan(0, valid.Length - 3), valid.AsSpan(valid.Length - 2)), true);
        return true;
    }

    /// <summary>
    /// Parses an amount as upstream responses write it: <c>"480.0"</c>, <c>"5"</c>, <c>"2.56"</c>, <c>"0"</c>.
    /// More than two decimals are rounded half away from zero, because the upstream computes costs with more precision.
    /// </summary>
    public static Amount ParseUpstream(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParseUpstream(text, out var amount)
            ? amount
            : throw new AmountFormatException(text, AmountSyntax.DescribeUpstream(text));
    }

    public static bool TryParseUpstream([NotNullWhen(true)] string? text, out Amount amount)
    {
        amount = Zero;
        if (text is null || !AmountSyntax.IsUpstreamShape(text))
        {
            return false;
        }

        if (!decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            return false;
        }

        return TryFromUpstreamDecimal(value, out amount);
    }

    /// <summary>Reads an upstream JSON number (<c>2.56</c>, <c>0</c>), rounding to two decimals.</summary>
    public static bool TryFromUpstreamDecimal(decimal value, out Amount amount)
    {
        amount = Zero;
        var rounded = decimal.Round(value, 2, MidpointRounding.AwayFromZero);
        if (rounded < 0m || rounded > MaxValue.Value)
        {
            return false;
        }

        amount = new Amount(rounded);
        return true;
    }

    /// <summary>The text Nordea Connect requires: a dot and two decimals, whatever the current culture.</summary>
    public string ToUpstreamString() => Value.ToString(UpstreamFormat, CultureInfo.InvariantCulture);

    public override string ToString() => ToUpstreamString();

    /// <summary>Formats as <see cref="ToUpstreamString"/>; a format or provider is ignored on purpose, since any other rendering would be a bug upstream.</summary>
    public string ToString(string? format, IFormatProvider? formatProvider) => ToUpstreamString();

    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider) =>
        Value.TryFormat(destination, out charsWritten, UpstreamFormat, CultureInfo.InvariantCulture);

    /// <summary>The amount times a fraction (e.g. <c>0.025</c> for 2.5 %), unrounded, for fee arithmetic.</summary>
    public decimal Percent(decimal fraction) => Value * fraction;

    public static Amount Min(Amount left, Amount right) => left <= right ? left : right;

    public static Amount Max(Amount left, Amount right) => left >= right ? left : right;

    public bool Equals(Amount other) => _minorUnits == other._minorUnits;

    public override bool Equals(object? obj) => obj is Amount other && Equals(other);

    public override int GetHashCode() => _minorUnits.GetHashCode();

    public int CompareTo(Amount other) => _minorUnits.CompareTo(other._minorUnits);

    public static Amount operator +(Amount left, Amount right) => FromMinorUnits(checked(left._minorUnits + right._minorUnits));

    /// <exception cref="ArgumentOutOfRangeException">The result would be negative.</exception>
    public static Amount operator -(Amount left, Amount right) => FromMinorUnits(left._minorUnits - right._minorUnits);

    public static Amount operator *(Amount amount, int quantity)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(quantity);
        return FromMinorUnits(checked(amount._minorUnits * quantity));
    }

    public static bool operator ==(Amount left, Amount right) => left.Equals(right);

    public static bool operator !=(Amount left, Amount right) => !left.Equals(right);

    public static bool operator <(Amount left, Amount right) => left._minorUnits < right._minorUnits;

    public static bool operator >(Amount left, Amount right) => left._minorUnits > right._minorUnits;

    public static bool operator <=(Amount left, Amount right) => left._minorUnits <= right._minorUnits;

    public static bool operator >=(Amount left, Amount right) => left._minorUnits >= right._minorUnits;
}
