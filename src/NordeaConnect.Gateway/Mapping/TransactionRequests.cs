using NordeaConnect.Gateway.Notifications;
using NordeaConnect.Gateway.Operations;
using NordeaConnect.Gateway.Results;
using NordeaConnect.Primitives;
using V1 = NordeaConnect.Grains.V1;

namespace NordeaConnect.Gateway.Mapping;

/// <summary>Transaction request messages into checked commands.</summary>
public static class TransactionRequests
{
    public static TransactionCreation ToCreation(V1.CreateTransactionRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new TransactionCreation(
            RequestFields.PaymentRef(request.PaymentRef),
            RequestFields.Amount(request.Amount, "amount"),
            RequestFields.Currency(request.Currency))
        {
            CustomerRef = RequestFields.Optional(request.CustomerRef),
            Test = request.Test,
            Process = request.HasProcess ? request.Process : null,
            Authorize = request.Authorize,
            Card = Card(request.CardHolder, request.CardNumber, request.CardCvv, request.CardExpiry, request.CardType),
            StoredCardToken = RequestFields.Optional(request.StoredCardToken),
            VatAmount = RequestFields.OptionalAmount(request.VatAmount, "vat_amount"),
            Metadata = MetadataJson.ToJson(request.Metadata),
            Items = ItemMessages.FromMessages(request.Items),
            SuccessUrl = RequestFields.Optional(request.SuccessUrl),
            ErrorUrl = RequestFields.Optional(request.ErrorUrl),
            TemplateId = request.TemplateId == 0 ? null : RequestFields.Id(request.TemplateId, "template_id"),
            Webhooks = request.Webhooks.Select(Webhook).ToArray(),
            NotificationUrl = NotificationUrl(request.NotificationUrl),
            Locale = RequestFields.Locale(request.Locale),
        };
    }

    public static TransactionUpdate ToUpdate(V1.UpdateTransactionRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new TransactionUpdate
        {
            Card = Card(request.CardHolder, request.CardNumber, request.CardCvv, request.CardExpiry, request.CardType),
            Metadata = MetadataJson.ToJson(request.Metadata),
            Process = request.HasProcess ? request.Process : null,
            Amount = RequestFields.OptionalAmount(request.Amount, "amount"),
            VatAmount = RequestFields.OptionalAmount(request.VatAmount, "vat_amount"),
            Currency = RequestFields.OptionalCurrency(request.Currency),
            CustomerRef = RequestFields.Optional(request.CustomerRef),
            Items = request.Items.Count == 0 ? null : ItemMessages.FromMessages(request.Items),
            Locale = RequestFields.Locale(request.Locale),
        };
    }

    public static StoredCardCharge ToCharge(V1.ChargeStoredCardRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new StoredCardCharge(
            RequestFields.PaymentRef(request.PaymentRef),
            RequestFields.Amount(request.Amount, "amount"),
            RequestFields.Currency(request.Currency))
        {
            Test = request.Test,
            CustomerRef = RequestFields.Optional(request.CustomerRef),
            Metadata = MetadataJson.ToJson(request.Metadata),
            NotificationUrl = NotificationUrl(request.NotificationUrl),
        };
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

    private static CardDetails? Card(string holder, string number, string cvv, string expiry, string type)
    {
        var card = new CardDetails(
            RequestFields.Optional(holder),
            RequestFields.Optional(number),
            RequestFields.Optional(cvv),
            RequestFields.Optional(expiry),
            RequestFields.Optional(type));
        return card.IsEmpty ? null : card;
    }

    private static WebhookRequest Webhook(V1.WebhookSpec spec, int index)
    {
        if (spec.Trigger.Length == 0)
        {
            throw new GatewayRefusalException(ResultCode.InvalidArgument, $"webhooks[{index}].trigger is missing: give e.g. payment_success");
        }

        return new WebhookRequest(
            spec.Trigger,
            RequestFields.Optional(spec.Url),
            RequestFields.Optional(spec.Email),
            RequestFields.Optional(spec.HttpMethod),
            RequestFields.Optional(spec.DataFormat));
    }
}
