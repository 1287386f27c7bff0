using System.Globalization;
using NordeaConnect.Gateway.Results;
using NordeaConnect.Primitives;

namespace NordeaConnect.Gateway.Mapping;

/// <summary>
/// Reads the fields of request messages into primitives. Bad input is refused with a 100.100.x result whose
/// description names the field, the value and the rule, so the caller can fix the call without reading our code.
/// </summary>
public static class RequestFields
{
    /// <summary>A required amount, strictly <c>digits.dd</c>.</summary>
    public static Amount Amount(string text, string field)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!Primitives.Amount.TryParse(text, out var amount, out var error))
        {
            throw new GatewayRefusalException(ResultCode.InvalidAmount, Named(field, error), field);
        }

        return amount;
    }

    /// <summary>An amount that may be left empty (proto3 strings have no "unset"): null when empty.</summary>
    public static Amount? OptionalAmount(string text, string field) =>
        string.IsNullOrEmpty(text) ? null : Amount(text, field);

    /// <summary>A signed amount such as a debt or a debt delta: an optional '-' followed by a strict amount.</summary>
    public static decimal SignedAmount(string text, string field)
    {
        ArgumentNullException.ThrowIfNull(text);
        var negative = text.StartsWith('-');
        var magnitude = negative ? text[1..] : text;
        if (!Primitives.Amount.TryParse(magnitude, out var amount, out var error))
        {
            var shown = text.Length > 40 ? text[..40] + "…" : text;
            throw new GatewayRefusalException(
                ResultCode.InvalidAmount,
                $"{field} '{shown}' is not a signed amount: an optional '-' then digits, a dot and exactly two decimals, e.g. -5.00 or 12.50 ({error})",
                field);
        }

        return negative ? -amount.Value : amount.Value;
    }

    public static CurrencyCode Currency(string text, string field = "currency")
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0)
        {
            throw new GatewayRefusalException(ResultCode.InvalidCurrency, $"{field} is missing: give a currency code Nordea Connect accepts, e.g. sek", field);
        }

        try
        {
            return CurrencyCode.Parse(text);
        }
        catch (FormatException ex)
        {
            throw new GatewayRefusalException(ResultCode.InvalidCurrency, Named(field, ex.Message), field);
        }
    }

    public static CurrencyCode? OptionalCurrency(string text, string field = "currency") =>
        string.IsNullOrEmpty(text) ? null : Currency(text, field);

    public static PaymentRef PaymentRef(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!Primitives.PaymentRef.TryParse(text, out var paymentRef, out var error))
        {
            throw new GatewayRefusalException(ResultCode.InvalidPaymentRef, error, "payment_ref");
        }

        return paymentRef;
    }

    /// <summary>An entity id: upstream ids are positive.</summary>
    public static long Id(long id, string field = "id")
    {
        if (id <= 0)
        {
            throw new GatewayRefusalException(
                ResultCode.InvalidArgument,
                $"{field} {id.ToString(CultureInfo.InvariantCulture)} is not an entity id: ids are positive numbers",
                field);
        }

        return id;
    }

    /// <summary>A value that must be one of a short list (a status, a trigger), compared case-sensitively as upstream does.</summary>
    public static string OneOf(string text, string field, params string[] allowed)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (Array.IndexOf(allowed, text) < 0)
        {
            var shown = text.Length == 0 ? "(empty)" : "'" + (text.Length > 40 ? text[..40] + "…" : text) + "'";
            throw new GatewayRefusalException(ResultCode.InvalidArgument, $"{field} {shown} is not one of: {string.Join(", ", allowed)}", field);
        }

        return text;
    }

    /// <summary>Empty proto3 strings mean "not given".</summary>
    public static string? Optional(string text) => string.IsNullOrEmpty(text) ? null : text;

    /// <summary>sv or en, the language of upstream error descriptions; empty means the upstream's default.</summary>
    public static string? Locale(string text) =>
        string.IsNullOrEmpty(text) ? null : OneOf(text, "locale", "sv", "en");

    /// <summary>The longest staleness a read may accept: one day; a cached state older than that is no answer.</summary>
    public const long MaxStalenessBoundMs = 24 * 60 * 60 * 1000;

    /// <summary>The longest text that becomes part of an entity's key (a customer ref, a plan name).</summary>
    public const int MaxKeyTextLength = 255;

    /// <summary>Text that keys an entity: at most <see cref="MaxKeyTextLength"/> characters.</summary>
    public static string KeyText(string text, string field)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > MaxKeyTextLength)
        {
            throw new GatewayRefusalException(
                ResultCode.InvalidArgument,
                $"{field} is {text.Length.ToString(CultureInfo.InvariantCulture)} characters long; at most {MaxKeyTextLength.ToString(CultureInfo.InvariantCulture)} are allowed",
                field);
        }

        return text;
    }

    /// <summary>
    /// A read's staleness bound: unset means the gateway's default (null here), zero forces a read from upstream.
    /// </summary>
    public static TimeSpan? MaxStaleness(Grains.V1.ReadOptions? read)
    {
        if (read is null || !read.HasMaxStalenessMs)
        {
            return null;
        }

        if (read.MaxStalenessMs > MaxStalenessBoundMs)
        {
            throw new GatewayRefusalException(
                ResultCode.InvalidArgument,
                $"read.max_staleness_ms {read.MaxStalenessMs.ToString(CultureInfo.InvariantCulture)} is out of range: give 0 to {MaxStalenessBoundMs.ToString(CultureInfo.InvariantCulture)} (one day)",
                "read.max_staleness_ms");
        }

        if (read.MaxStalenessMs < 0)
        {
            throw new GatewayRefusalException(
                ResultCode.InvalidArgument,
                $"read.max_staleness_ms {read.MaxStalenessMs.ToString(CultureInfo.InvariantCulture)} is negative: give 0 to read from Nordea Connect, or a positive bound",
                "read.max_staleness_ms");
        }

        return TimeSpan.FromMilliseconds(read.MaxStalenessMs);
    }

    private static string Named(string field, string error) =>
        error.StartsWith(field, StringComparison.Ordinal) ? error : field + ": " + error;
}
