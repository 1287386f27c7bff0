// The generated clients are nested in their service's class; these names keep call sites short.
global using CustomersClient = NordeaConnect.Grains.V1.Customers.CustomersClient;
global using NotificationsClient = NordeaConnect.Grains.V1.Notifications.NotificationsClient;
global using PlansClient = NordeaConnect.Grains.V1.Plans.PlansClient;
global using RefundsClient = NordeaConnect.Grains.V1.Refunds.RefundsClient;
global using StoredCardsClient = NordeaConnect.Grains.V1.StoredCards.StoredCardsClient;
global using SubscriptionsClient = NordeaConnect.Grains.V1.Subscriptions.SubscriptionsClient;
global using TransactionsClient = NordeaConnect.Grains.V1.Transactions.TransactionsClient;
global using WebhooksClient = NordeaConnect.Grains.V1.Webhooks.WebhooksClient;
global using WebhookTemplatesClient = NordeaConnect.Grains.V1.WebhookTemplates.WebhookTemplatesClient;
