using NordeaConnect.Primitives;

namespace NordeaConnect.Sandbox.Errors;

/// <summary>
/// Every error the sandbox itself raises. Rows of the reference's table keep its code, name and English text;
/// the reference is silent on authentication, missing records, hashes and state conflicts, so those get
/// sandbox-defined codes in the 9000 range (listed in the README).
/// </summary>
internal static class SandboxErrors
{
    public static readonly SandboxError CreditCardDetailsMissing = FromTable("errors.credit_card_details.missing", 400);
    public static readonly SandboxError AmountInvalid = FromTable("errors.missing_or_invalid.amount_error", 400);
    public static readonly SandboxError BadFormat = FromTable("errors.request.bad_format", 400);
    public static readonly SandboxError JsonErrors = FromTable("errors.request.json_errors", 400);
    public static readonly SandboxError MetadataInvalid = FromTable("errors.metadata.invalid", 400);
    public static readonly SandboxError ItemsNotArray = FromTable("errors.items.not_array", 400);
    public static readonly SandboxError ItemDescriptionMissing = FromTable("errors.items.description_missing", 400);
    public static readonly SandboxError ItemAmountMissing = FromTable("errors.items.amount_missing", 400);
    public static readonly SandboxError ItemDescriptionTooLong = FromTable("errors.items.description_too_long", 400);
    public static readonly SandboxError ItemAmountNotValid = FromTable("errors.items.amount_not_valid", 400);
    public static readonly SandboxError ItemsAmountMismatch = FromTable("errors.items.transaction_amount_mismatch", 400);
    public static readonly SandboxError ItemsTotalNotPositive = FromTable("errors.item.total_amount_error", 400);
    public static readonly SandboxError ItemVatMissing = FromTable("errors.items.vat_missing", 400);
    public static readonly SandboxError ItemArtnoMissing = FromTable("errors.items.artno_missing", 400);
    public static readonly SandboxError ItemQtyMissing = FromTable("errors.items.qty_missing", 400);
    public static readonly SandboxError ItemNotesTooLong = FromTable("errors.items.notes_too_long", 400);
    public static readonly SandboxError StoredCardExpiresMissing = FromTable("errors.stored_card.expires.missing", 400);
    public static readonly SandboxError StoredCardTokenInvalid = FromTable("errors.stored_card.token.invalid", 400);

    /// <summary>The reference's own example of an error object; not in its table.</summary>
    public static readonly SandboxError CardNumberMissing = new(118, "errors.card_number.missing", "Card number is missing", "Kortnummer saknas", 400);

    public static readonly SandboxError AuthenticationMissing = Defined(9001, "errors.authentication.missing", 401,
        "Authentication is missing or malformed: use Basic auth with your merchant id and API password",
        "Autentisering saknas eller är felaktig: använd Basic auth med ditt handlar-id och API-lösenord");
    public static readonly SandboxError AuthenticationFailed = Defined(9002, "errors.authentication.failed", 403,
        "Merchant id or API password is wrong",
        "Handlar-id eller API-lösenord är fel");
    public static readonly SandboxError NotFound = Defined(9003, "errors.record.not_found", 404,
        "No {0} with id {1} exists",
        "Det finns ingen {0} med id {1}");
    public static readonly SandboxError RouteNotFound = Defined(9004, "errors.route.not_found", 404,
        "There is no API endpoint at {0}",
        "Det finns ingen API-endpoint på {0}");
    public static readonly SandboxError MethodNotAllowed = Defined(9030, "errors.route.method_not_allowed", 405,
        "{0} is not allowed here; this endpoint takes {1}",
        "{0} är inte tillåtet här; den här endpointen tar {1}");
    public static readonly SandboxError HashInvalid = Defined(9005, "errors.hash.invalid", 400,
        "The hash does not match MD5(merchant_id + payment_ref + customer_ref + amount + currency + test + secret)",
        "Hashen stämmer inte med MD5(merchant_id + payment_ref + customer_ref + amount + currency + test + secret)");
    public static readonly SandboxError ParameterMissing = Defined(9006, "errors.parameter.missing", 400,
        "The required parameter {0} is missing",
        "Den obligatoriska parametern {0} saknas");
    public static readonly SandboxError ParameterInvalid = Defined(9007, "errors.parameter.invalid", 400,
        "The parameter {0} is not valid: {1}",
        "Parametern {0} är ogiltig: {1}");
    public static readonly SandboxError PaymentRefInvalid = Defined(9008, "errors.payment_ref.invalid", 400,
        "payment_ref must be 1-12 printable characters",
        "payment_ref måste vara 1-12 skrivbara tecken");
    public static readonly SandboxError CurrencyInvalid = Defined(9009, "errors.currency.invalid", 400,
        "The currency {0} is not one of the accepted currencies",
        "Valutan {0} är inte en av de accepterade valutorna");
    public static readonly SandboxError CardNumberInvalid = Defined(9010, "errors.card_number.invalid", 400,
        "The card number is not a valid card number",
        "Kortnumret är inte ett giltigt kortnummer");
    public static readonly SandboxError CardExpiryInvalid = Defined(9011, "errors.card_expiry.invalid", 400,
        "card_expiry must be MMYY and not in the past",
        "card_expiry måste vara MMÅÅ och inte passerat");
    public static readonly SandboxError CardCvvInvalid = Defined(9012, "errors.card_cvv.invalid", 400,
        "card_cvv must be 3 or 4 digits",
        "card_cvv måste vara 3 eller 4 siffror");
    public static readonly SandboxError TransactionNotUpdatable = Defined(9013, "errors.transaction.not_updatable", 409,
        "The transaction is {0}; card details and amounts can only change before it is approved",
        "Transaktionen är {0}; kortuppgifter och belopp kan bara ändras innan den är godkänd");
    public static readonly SandboxError CaptureNotAuthorized = Defined(9014, "errors.capture.not_authorized", 409,
        "The transaction is {0}; only an authorized transaction can be captured",
        "Transaktionen är {0}; bara en auktoriserad transaktion kan dras");
    public static readonly SandboxError CaptureExceedsAuthorized = Defined(9015, "errors.capture.amount_exceeds_authorized", 409,
        "The capture amount {0} is above the authorized amount {1}",
        "Beloppet {0} är högre än det auktoriserade beloppet {1}");
    public static readonly SandboxError RefundExceedsPaid = Defined(9016, "errors.refund.amount_exceeds_paid", 409,
        "The refund amount {0} is above what is left to refund ({1})",
        "Återbetalningen {0} är högre än det som återstår att återbetala ({1})");
    public static readonly SandboxError RefundNotAllowed = Defined(9017, "errors.refund.not_allowed", 409,
        "The transaction cannot be refunded: {0}",
        "Transaktionen kan inte återbetalas: {0}");
    public static readonly SandboxError StoredCardNotUsable = Defined(9018, "errors.stored_card.not_usable", 409,
        "The stored card is {0}; only an active stored card can be charged",
        "Det sparade kortet är {0}; bara ett aktivt sparat kort kan debiteras");
    public static readonly SandboxError FilterUnknownField = Defined(9019, "errors.filter.unknown_field", 400,
        "Cannot filter on {0}; filters are supported on: {1}",
        "Kan inte filtrera på {0}; filter stöds på: {1}");
    public static readonly SandboxError FilterMalformed = Defined(9020, "errors.filter.malformed", 400,
        "The filter {0} is malformed: {1}",
        "Filtret {0} är felaktigt: {1}");
    public static readonly SandboxError PaginationInvalid = Defined(9021, "errors.pagination.invalid", 400,
        "{0} must be a whole number of at least {1}",
        "{0} måste vara ett heltal som är minst {1}");
    public static readonly SandboxError OrderByInvalid = Defined(9022, "errors.order_by.invalid", 400,
        "Cannot order by {0}; order_by accepts field or field:desc with one of: {1}",
        "Kan inte sortera på {0}; order_by accepterar fält eller fält:desc med något av: {1}");
    public static readonly SandboxError ExtendInvalid = Defined(9023, "errors.extend.invalid", 400,
        "Cannot extend {0}; this resource can extend: {1}",
        "Kan inte utöka {0}; den här resursen kan utöka: {1}");
    public static readonly SandboxError UnsupportedMediaType = Defined(9024, "errors.request.unsupported_media_type", 415,
        "The content type {0} is not accepted; send application/x-www-form-urlencoded or application/json",
        "Innehållstypen {0} accepteras inte; skicka application/x-www-form-urlencoded eller application/json");
    public static readonly SandboxError RequestTooLarge = Defined(9025, "errors.request.too_large", 413,
        "The request body is larger than {0} bytes",
        "Anropets innehåll är större än {0} byte");
    public static readonly SandboxError PaymentDeclined = Defined(9026, "errors.payment.declined", 402,
        "The payment was declined",
        "Betalningen nekades");
    public static readonly SandboxError CustomerRefTaken = Defined(9027, "errors.customer.ref_taken", 409,
        "A customer with ref {0} already exists",
        "Det finns redan en kund med ref {0}");
    public static readonly SandboxError CheckoutNotPayable = Defined(9028, "errors.checkout.not_payable", 409,
        "The payment link is for a transaction that is {0}; only a pending transaction can be paid",
        "Betallänken gäller en transaktion som är {0}; bara en väntande transaktion kan betalas");
    public static readonly SandboxError SubscriptionNotUpdatable = Defined(9029, "errors.subscription.not_updatable", 409,
        "The subscription cannot change this way: {0}",
        "Prenumerationen kan inte ändras så: {0}");

    /// <summary>Every error the sandbox can raise, for the README and for tests that check the texts.</summary>
    public static IReadOnlyList<SandboxError> All { get; } = typeof(SandboxErrors)
        .GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
        .Where(f => f.FieldType == typeof(SandboxError))
        .Select(f => (SandboxError)f.GetValue(null)!)
        .ToArray();

    /// <summary>An error of the reference's table as a simulated failure answers it (<c>fail_as_code</c>).</summary>
    public static SandboxError ForTableEntry(UpstreamError entry) =>
        new(entry.Code, entry.Name, entry.Description, SwedishErrorTexts.For(entry.Code) ?? entry.Description,
            entry.ResultCode.Kind == ResultCodeKind.Declined ? 402 : 400);

    private static SandboxError FromTable(string name, int httpStatus)
    {
        if (!UpstreamErrorTable.TryGetByName(name, out var entry))
        {
            throw new InvalidOperationException($"The reference's error table has no row named {name}.");
        }

        return new SandboxError(entry.Code, entry.Name, entry.Description, SwedishErrorTexts.For(entry.Code) ?? entry.Description, httpStatus);
    }

    private static SandboxError Defined(int code, string name, int httpStatus, string english, string swedish) =>
        new(code, name, english, swedish, httpStatus);
}
