using System.Globalization;
using NordeaConnect.Sandbox.Errors;
using NordeaConnect.Sandbox.Http;

namespace NordeaConnect.Sandbox.Transactions;

/// <summary>
/// Reads card details from a request and keeps only what may be stored: the number and CVV are checked and then
/// dropped, leaving the masked number and last four digits.
/// </summary>
internal static class CardInput
{
    public static readonly string[] FieldNames = ["card_number", "card_holder", "card_cvv", "card_expiry", "card_type"];

    public static bool IsPresent(RequestFields fields) => fields.Has("card_number") || fields.Has("card_cvv") || fields.Has("card_expiry");

    /// <summary>Whether <c>card_type=stored_card</c>: <c>card_number</c> then carries a stored card's token.</summary>
    public static bool IsStoredCard(RequestFields fields) =>
        string.Equals(fields.OptionalString("card_type", 32), "stored_card", StringComparison.OrdinalIgnoreCase);

    public static PaymentCard Read(RequestFields fields, DateTimeOffset now)
    {
        var number = fields.OptionalString("card_number", 64);
        if (string.IsNullOrEmpty(number))
        {
            throw new ApiException(SandboxErrors.CardNumberMissing);
        }

        var digits = number.Replace(" ", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal);
        if (!CardNumbers.IsValid(digits))
        {
            throw new ApiException(SandboxErrors.CardNumberInvalid);
        }

        var holder = fields.OptionalString("card_holder", 255);
        var expiry = fields.OptionalString("card_expiry", 8);
        var cvv = fields.OptionalString("card_cvv", 8);
        if (string.IsNullOrWhiteSpace(holder) || string.IsNullOrEmpty(expiry) || string.IsNullOrEmpty(cvv))
        {
            throw new ApiException(SandboxErrors.CreditCardDetailsMissing);
        }

        if (!IsCurrentExpiry(expiry, now))
        {
            throw new ApiException(SandboxErrors.CardExpiryInvalid);
        }

        if (cvv.Length is < 3 or > 4 || !cvv.All(char.IsAsciiDigit))
        {
            throw new ApiException(SandboxErrors.CardCvvInvalid);
        }

        var cardType = fields.OptionalString("card_type", 32);
        if (cardType is not null && !CardNumbers.KnownTypes.Contains(cardType))
        {
            throw new ApiException(SandboxErrors.ParameterInvalid, "card_type", "expected one of " + string.Join(", ", CardNumbers.KnownTypes));
        }

        var brand = cardType?.ToUpperInvariant() ?? CardNumbers.BrandOf(digits);
        return new PaymentCard(holder.Trim(), CardNumbers.Mask(digits), digits[^4..], expiry, brand);
    }

    /// <summary>MMYY, not before the current month.</summary>
    public static bool IsCurrentExpiry(string expiry, DateTimeOffset now) =>
        TryParseExpiry(expiry, out var lastSecond) && lastSecond >= now;

    /// <summary>The last second of the expiry month (the reference's <c>expires</c>: 2018-05-31T23:59:59Z).</summary>
    public static bool TryParseExpiry(string expiry, out DateTimeOffset lastSecond)
    {
        lastSecond = default;
        if (expiry.Length != 4 || !expiry.All(char.IsAsciiDigit))
        {
            return false;
        }

        var month = int.Parse(expiry.AsSpan(0, 2), CultureInfo.InvariantCulture);
        var year = 2000 + int.Parse(expiry.AsSpan(2, 2), CultureInfo.InvariantCulture);
        if (month is < 1 or > 12)
        {
            return false;
        }

        lastSecond = new DateTimeOffset(year, month, 1, 0, 0, 0, TimeSpan.Zero).AddMonths(1).AddSeconds(-1);
        return true;
    }
}
