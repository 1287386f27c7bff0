using NordeaConnect.Gateway.Notifications;
using NordeaConnect.Grains;
using NordeaConnect.Gateway.Results;
using NordeaConnect.Primitives;
using V1 = NordeaConnect.Grains.V1;

namespace NordeaConnect.Gateway.Mapping;

/// <summary>Transaction request messages into the grains' checked requests.</summary>
public static class TransactionRequests
{
    /// <summary>The payment_ref that keys the creation, the request, and where to send the transaction's changes.</summary>
    public static (PaymentRef PaymentRef, TransactionCreateRequest Request, Uri? NotificationUrl) ToCreation(V1.CreateTransactionRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var paymentRef = RequestFields.PaymentRef(request.PaymentRef);
        var items = ItemMessages.FromMessages(request.Items);
        var creation = new TransactionCreateRequest
        {
            Amount = RequestFields.Amount(request.Amount, "amount"),
            Currency = RequestFields.Currency(request.Currency),
            CustomerRef = RequestFields.Optional(request.CustomerRef),
            Test = request.Test,
            Process = !request.HasProcess || request.Process,
            Authorize = request.Authorize,
            Card = Card(request.CardHolder, request.CardNumber, request.CardCvv, request.CardExpiry, request.CardType),
            VatAmount = RequestFields.OptionalAmount(request.VatAmount, "vat_amount"),
            Metadata = MetadataJson.ToJson(request.Metadata),
            Items = items.Count > 0 ? items : null,
            SuccessUrl = RequestFields.Optional(request.SuccessUrl),
            ErrorUrl = RequestFields.Optional(request.ErrorUrl),
            TemplateId = request.TemplateId == 0 ? null : RequestFields.Id(request.TemplateId, "template_id"),
        };
        var notificationUrl = NotificationUrl(request.NotificationUrl);
        RequestFields.Locale(request.Locale);
        Unsupported(request.StoredCardToken, "stored_card_token", "charge a stored card with StoredCards.Charge");
        Unsupported(request.Webhooks.Count > 0 ? "given" : string.Empty, "webhooks", "configure webhook templates with WebhookTemplates.Create");
        return (paymentRef, creation, notificationUrl);
    }

    public static TransactionUpdateRequest ToUpdate(V1.UpdateTransactionRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        RequestFields.Locale(request.Locale);
        return new TransactionUpdateRequest
        {
            Card = Card(request.CardHolder, request.CardNumber, request.CardCvv, request.CardExpiry, request.CardType),
            Metadata = MetadataJson.ToJson(request.Metadata),
            Process = request.HasProcess ? request.Process : null,
            Amount = RequestFields.OptionalAmount(request.Amount, "amount"),
            VatAmount = RequestFields.OptionalAmount(request.VatAmount, "vat_amount"),
            Currency = RequestFields.OptionalCurrency(request.Currency),
            CustomerRef = RequestFields.Optional(request.CustomerRef),
            Items = request.Items.Count == 0 ? null : ItemMessages.FromMessages(request.Items),
        };
    }

    /// <summary>The token payment, and where to send the new transaction's changes.</summary>
    public static (StoredCardChargeRequest Request, Uri? NotificationUrl) ToCharge(V1.ChargeStoredCardRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var charge = new StoredCardChargeRequest
        {
            PaymentRef = RequestFields.PaymentRef(request.PaymentRef),
            Amount = RequestFields.Amount(request.Amount, "amount"),
            Currency = RequestFields.Currency(request.Currency),
            Test = request.Test,
            CustomerRef = RequestFields.Optional(request.CustomerRef),
            Metadata = MetadataJson.ToJson(request.Metadata),
        };
        return (charge, NotificationUrl(request.NotificationUrl));
    }

    /// <summary>An absolute http(s) URL the gateway POSTs changes to; empty means none.</summary>
    public static Uri? NotificationUrl(string text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        // The error names the field and what is wrong, not the value: a receiver URL may carry a token.
        return NotificationReceivers.TryParse(text, out var receiver, out var error)
            ? receiver
            : throw new GatewayRefusalException(ResultCode.InvalidArgument, error);
    }

    /// <summary>Card details a caller sent, or null when it sent none; a card without its number is refused.</summary>
    private static CardDetails? Card(string holder, string number, string cvv, string expiry, string type)
    {
        if (holder.Length == 0 && number.Length == 0 && cvv.Length == 0 && expiry.Length == 0 && type.Length == 0)
        {
            return null;
        }

        if (number.Length == 0)
        {
            throw new GatewayRefusalException(ResultCode.InvalidArgument, "card_number is missing: card details need the card number along with holder, expiry, cvv and type");
        }

        return new CardDetails(number, RequestFields.Optional(cvv), RequestFields.Optional(holder), RequestFields.Optional(expiry), RequestFields.Optional(type));
    }

    private static void Unsupported(string given, string field, string instead)
    {
        if (given.Length > 0)
        {
            throw new GatewayRefusalException(ResultCode.InvalidArgument, $"{field} is not supported by this gateway version: {instead}");
        }
    }
}
