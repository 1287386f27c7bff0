using System.Text.Json.Nodes;
using NordeaConnect.Primitives;

namespace NordeaConnect.Client;

/// <summary>
/// <c>POST /v1/transactions</c>: a payment, e.g. with a stored card's token as <see cref="CardNumber"/> and
/// <see cref="CardTypes.StoredCard"/>, or with <see cref="Process"/> = false to prepare a payment link.
/// The request hash is computed by the service from these same values. <see cref="ToString"/> never shows card data.
/// </summary>
public sealed class TransactionCreateOptions
{
    /// <summary>The merchant's unique order id (1-12 characters).</summary>
    public required PaymentRef PaymentRef { get; init; }

    public required Amount Amount { get; init; }

    public required CurrencyCode Currency { get; init; }

    /// <summary>true runs the transaction in test mode; false makes it live. Part of the request hash.</summary>
    public bool Test { get; init; }

    /// <summary>The merchant's own customer id; enables stored cards. Part of the request hash.</summary>
    public string? CustomerRef { get; init; }

    public Amount? VatAmount { get; init; }

    /// <summary>A card number, or a stored card's token with <see cref="CardType"/> stored_card. Never logged.</summary>
    public string? CardNumber { get; init; }

    /// <summary>VISA, MASTERCARD, ..., or stored_card for a token payment.</summary>
    public string? CardType { get; init; }

    public string? CardHolder { get; init; }

    /// <summary>The card's CVV. Never logged.</summary>
    public string? CardCvv { get; init; }

    /// <summary>MMYY. Never logged.</summary>
    public string? CardExpiry { get; init; }

    /// <summary>The parameters sent encrypted, comma separated, e.g. <c>card_number,card_cvv</c>.</summary>
    public string? Encrypted { get; init; }

    /// <summary>false prepares the payment without processing it (the answer carries an <c>href</c> payment link).</summary>
    public bool? Process { get; init; }

    /// <summary>true only authorizes the amount; capture it later.</summary>
    public bool? Authorize { get; init; }

    public JsonObject? Metadata { get; init; }

    public IReadOnlyList<Item>? Items { get; init; }

    public IReadOnlyList<WebhookDefinition>? Webhooks { get; init; }

    /// <summary>Where the customer lands after a successful payment; may contain Liquid, so it is text, not a <see cref="Uri"/>.</summary>
    public string? SuccessUrl { get; init; }

    /// <summary>Where the customer lands after a failed payment; may contain Liquid.</summary>
    public string? ErrorUrl { get; init; }

    /// <summary>The hosted page template to use.</summary>
    public long? TemplateId { get; init; }

    public override string ToString() =>
        $"TransactionCreateOptions {{ payment_ref = {PaymentRef}, amount = {Amount}, currency = {Currency}, test = {(Test ? "true" : "false")}, card = {(CardNumber is null ? "none" : "[redacted]")} }}";
}
