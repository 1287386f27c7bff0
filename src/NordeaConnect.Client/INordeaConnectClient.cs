namespace NordeaConnect.Client;

/// <summary>Every resource of Nordea Connect API v1, one service each.</summary>
public interface INordeaConnectClient
{
    ITransactionService Transactions { get; }

    IRefundService Refunds { get; }

    IStoredCardService StoredCards { get; }

    IPlanService Plans { get; }

    ISubscriptionService Subscriptions { get; }

    ICustomerService Customers { get; }

    IWebhookTemplateService WebhookTemplates { get; }

    IWebhookService Webhooks { get; }
}
