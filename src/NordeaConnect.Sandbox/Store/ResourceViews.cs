using System.Text.Json;
using System.Text.Json.Nodes;
using NordeaConnect.Sandbox.Billing;
using NordeaConnect.Sandbox.Customers;
using NordeaConnect.Sandbox.Errors;
using NordeaConnect.Sandbox.Hosting;
using NordeaConnect.Sandbox.Json;
using NordeaConnect.Sandbox.Listing;
using NordeaConnect.Sandbox.Plans;
using NordeaConnect.Sandbox.Refunds;
using NordeaConnect.Sandbox.StoredCards;
using NordeaConnect.Sandbox.Subscriptions;
using NordeaConnect.Sandbox.Transactions;
using NordeaConnect.Sandbox.Webhooks;
using NordeaConnect.Sandbox.WebhookTemplates;

namespace NordeaConnect.Sandbox.Store;

/// <summary>
/// Renders stored records as the reference's JSON objects, with their related lists (a transaction's refunds and
/// webhooks) and extensions. Use inside <see cref="MerchantBook.Read{T}"/> so related records are consistent.
/// </summary>
internal sealed class ResourceViews(MerchantBook book, SandboxMerchant merchant, ResponseLocale locale, string paymentLinkBase)
{
    public static readonly string[] TransactionRelations = ["customer", "stored_card", "subscription"];
    public static readonly string[] RefundRelations = ["transaction"];
    public static readonly string[] StoredCardRelations = ["customer"];
    public static readonly string[] SubscriptionRelations = ["customer", "plan", "stored_card"];

    public JsonObject Transaction(TransactionRecord transaction, ExtendRequest? extend = null)
    {
        var card = transaction.Card;
        var view = new TransactionView
        {
            Amount = DecimalText.Of(transaction.Amount),
            Authorize = transaction.Authorize,
            CardExpiry = card?.Expiry,
            CardHolder = card?.Holder,
            CardNumber = card?.MaskedNumber,
            CardType = card?.Brand,
            ClientInfo = transaction.ClientInfo,
            Cost = CostView.For(transaction.Amount, merchant),
            CreatedAt = transaction.CreatedAt,
            Currency = transaction.Currency.Code,
            Customer = EntityRef.Of(transaction.CustomerId),
            Encrypted = transaction.Encrypted,
            Error = transaction.Error?.Render(locale),
            ErrorUrl = transaction.ErrorUrl,
            Href = transaction.Status == TransactionStatus.Pending ? PaymentLink(transaction.HrefToken) : null,
            Id = transaction.Id,
            Items = transaction.Items ?? EmptyArray,
            MerchantId = MerchantIdJson.Of(transaction.MerchantId),
            Metadata = transaction.Metadata,
            PaymentDetails = card is null ? null : new PaymentDetailsView
            {
                Id = transaction.Id,
                CardNumber = card.MaskedNumber,
                CardHolder = card.Holder,
                CardType = card.Brand,
                CardIssuer = "NORDEA CONNECT SANDBOX BANK",
                CreditOrDebit = "credit",
                CardCountryCode = "SE",
                Segmentation = "b2c",
            },
            PaymentMethod = transaction.PaymentMethod,
            PaymentRef = transaction.PaymentRef,
            ProcessedAt = transaction.ProcessedAt,
            Refunds = transaction.RefundIds.Select(id => RefundView.Of(book.Refunds[id])).ToArray(),
            RequestHash = transaction.RequestHash,
            ResponseHash = ResponseHash.Of(transaction, merchant.HashSecret),
            Status = transaction.Status,
            StoredCard = EntityRef.Of(transaction.StoredCardId),
            Subscription = EntityRef.Of(transaction.SubscriptionId),
            SuccessUrl = transaction.SuccessUrl,
            TemplateId = transaction.TemplateId,
            Test = transaction.Test,
            TransactionType = transaction.TransactionType,
            UpdatedAt = transaction.UpdatedAt,
            VatAmount = DecimalText.Of(transaction.VatAmount),
            WalletType = transaction.WalletType,
            Webhooks = transaction.WebhookIds.Select(id => WebhookView.Of(book.Webhooks[id])).ToArray(),
        };
        return Extended(JsonSerializer.SerializeToNode(view, SandboxJsonContext.Default.TransactionView)!.AsObject(), extend);
    }

    public JsonObject Refund(RefundRecord refund, ExtendRequest? extend = null) =>
        Extended(JsonSerializer.SerializeToNode(RefundView.Of(refund), SandboxJsonContext.Default.RefundView)!.AsObject(), extend);

    public JsonObject StoredCard(StoredCardRecord card, ExtendRequest? extend = null) =>
        Extended(JsonSerializer.SerializeToNode(
            StoredCardView.Of(card, merchant.Id, card.CustomerId is { } owner && book.Customers.TryGetValue(owner, out var customer) ? customer.Ref : null),
            SandboxJsonContext.Default.StoredCardView)!.AsObject(), extend);

    public JsonObject Plan(PlanRecord plan) =>
        JsonSerializer.SerializeToNode(PlanView.Of(plan, merchant.Id), SandboxJsonContext.Default.PlanView)!.AsObject();

    public JsonObject Customer(CustomerRecord customer) =>
        JsonSerializer.SerializeToNode(CustomerView.Of(customer), SandboxJsonContext.Default.CustomerView)!.AsObject();

    public JsonObject WebhookTemplate(WebhookTemplateRecord template) =>
        JsonSerializer.SerializeToNode(WebhookTemplateView.Of(template, merchant.Id), SandboxJsonContext.Default.WebhookTemplateView)!.AsObject();

    public JsonObject Webhook(WebhookRecord webhook) =>
        JsonSerializer.SerializeToNode(WebhookView.Of(webhook), SandboxJsonContext.Default.WebhookView)!.AsObject();

    public JsonObject Subscription(SubscriptionRecord subscription, ExtendRequest? extend = null)
    {
        var billing = subscription.Billing;
        var view = new SubscriptionView
        {
            CreatedAt = subscription.CreatedAt,
            Currency = subscription.Currency.Code,
            Customer = EntityRef.Of(subscription.CustomerId),
            Debt = DecimalText.Of(billing.Debt),
            Id = subscription.Id,
            Interval = billing.Terms.Interval,
            IntervalUnit = billing.Terms.Unit.ToWire(),
            Items = subscription.Items ?? EmptyArray,
            Metadata = subscription.Metadata,
            NextAt = billing.NextAt,
            PeriodsLeft = billing.PeriodsLeft,
            Plan = new EntityRef(subscription.PlanId),
            Price = DecimalText.Of(billing.Terms.Price),
            RetryCount = billing.RetryCount,
            Status = billing.Status.ToWire(),
            StoredCard = EntityRef.Of(subscription.StoredCardId),
            SubscriptionQuantity = billing.Quantity,
            Test = subscription.Test,
            TotalPeriods = billing.TotalPeriods,
            UpdatedAt = subscription.UpdatedAt,
        };
        return Extended(JsonSerializer.SerializeToNode(view, SandboxJsonContext.Default.SubscriptionView)!.AsObject(), extend);
    }

    /// <summary>The payment link of a pending transaction, served by the sandbox's checkout simulation.</summary>
    public string PaymentLink(string hrefToken) => paymentLinkBase + hrefToken;

    private static readonly JsonElement EmptyArray = JsonDocument.Parse("[]").RootElement.Clone();

    private JsonObject Extended(JsonObject target, ExtendRequest? extend)
    {
        if (extend is { IsEmpty: false })
        {
            extend.Apply(target, Resolve);
        }

        return target;
    }

    private JsonObject? Resolve(string relation, long id) => relation switch
    {
        "customer" => book.Customers.TryGetValue(id, out var customer) ? Customer(customer) : null,
        "stored_card" => book.StoredCards.TryGetValue(id, out var card) ? StoredCard(card) : null,
        "subscription" => book.Subscriptions.TryGetValue(id, out var subscription) ? Subscription(subscription) : null,
        "plan" => book.Plans.TryGetValue(id, out var plan) ? Plan(plan) : null,
        "transaction" => book.Transactions.TryGetValue(id, out var transaction) ? Transaction(transaction) : null,
        _ => null,
    };
}
