using NordeaConnect.Gateway.Notifications;
using NordeaConnect.Grains;
using NordeaConnect.Gateway.Results;
using NordeaConnect.Primitives;
using Upstream = NordeaConnect.Client;
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
            Webhooks = Webhooks(request.Webhooks),
            Encrypted = RequestFields.Optional(request.Encrypted),
            Locale = RequestFields.Locale(request.Locale),
        };
        var notificationUrl = NotificationUrl(request.NotificationUrl);
        // The token is a credential the gateway keeps; a caller names the card by its id instead.
        Unsupported(request.StoredCardToken, "stored_card_token", "charge a stored card by its id with StoredCards.Charge");
        return (paymentRef, creation, notificationUrl);
    }

    public static TransactionUpdateRequest ToUpdate(V1.UpdateTransactionRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
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
            Encrypted = RequestFields.Optional(request.Encrypted),
            Locale = RequestFields.Locale(request.Locale),
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
            Authorize = request.Authorize,
            VatAmount = RequestFields.OptionalAmount(request.VatAmount, "vat_amount"),
            Items = request.Items.Count == 0 ? null : ItemMessages.FromMessages(request.Items),
            SuccessUrl = RequestFields.Optional(request.SuccessUrl),
            ErrorUrl = RequestFields.Optional(request.ErrorUrl),
            TemplateId = request.TemplateId == 0 ? null : RequestFields.Id(request.TemplateId, "template_id"),
            Webhooks = Webhooks(request.Webhooks),
            Locale = RequestFields.Locale(request.Locale),
        };
        return (charge, NotificationUrl(request.NotificationUrl));
    }

    /// <summary>
    /// Webhooks attached to one transaction, sent upstream with it (Nordea Connect calls them, not the gateway). Each
    /// needs a trigger the reference names and a target: an http(s) url, or an e-mail address.
    /// </summary>
    public static IReadOnlyList<Upstream.WebhookDefinition>? Webhooks(IReadOnlyList<V1.WebhookSpec> webhooks)
    {
        ArgumentNullException.ThrowIfNull(webhooks);
        if (webhooks.Count == 0)
        {
            return null;
        }

        var definitions = new Upstream.WebhookDefinition[webhooks.Count];
        for (var i = 0; i < webhooks.Count; i++)
        {
            var spec = webhooks[i];
            var field = "webhooks[" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]";
            var url = RequestFields.Optional(spec.Url);
            var email = RequestFields.Optional(spec.Email);
            if (url is null == (email is null))
            {
                throw new GatewayRefusalException(ResultCode.InvalidArgument, $"{field} needs one target: a url (an HTTP webhook) or an email (an e-mail webhook), not both and not neither", field);
            }

            if (url is not null && !(Uri.TryCreate(url, UriKind.Absolute, out var target) && (target.Scheme == Uri.UriSchemeHttps || target.Scheme == Uri.UriSchemeHttp)))
            {
                throw new GatewayRefusalException(ResultCode.InvalidArgument, $"{field}.url is not an absolute http or https URL", field + ".url");
            }

            definitions[i] = new Upstream.WebhookDefinition
            {
                Trigger = RequestFields.OneOf(spec.Trigger, field + ".trigger", WebhookTriggerNames),
                Url = url,
                Email = email,
                HttpMethod = spec.HttpMethod.Length == 0 ? null : RequestFields.OneOf(spec.HttpMethod, field + ".http_method", "post", "get", "put", "patch", "delete"),
                DataFormat = spec.DataFormat.Length == 0 ? null : RequestFields.OneOf(spec.DataFormat, field + ".data_format", "json", "xml", "form_data"),
            };
        }

        return definitions;
    }

    private static readonly string[] WebhookTriggerNames =
    [
        Upstream.WebhookTriggers.Payment, Upstream.WebhookTriggers.PaymentSuccess, Upstream.WebhookTriggers.PaymentError,
        Upstream.WebhookTriggers.PaymentForm, Upstream.WebhookTriggers.Refund, Upstream.WebhookTriggers.SubscriptionStarted,
        Upstream.WebhookTriggers.SubscriptionSuccess, Upstream.WebhookTriggers.SubscriptionError, Upstream.WebhookTriggers.CardStored,
        Upstream.WebhookTriggers.CardUpdated, Upstream.WebhookTriggers.ChangeAddress, Upstream.WebhookTriggers.WebhookExhausted,
        Upstream.WebhookTriggers.None,
    ];

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
