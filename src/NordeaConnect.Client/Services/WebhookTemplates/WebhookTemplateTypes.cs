namespace NordeaConnect.Client;

/// <summary>The webhook template types as the create call names them.</summary>
public static class WebhookTemplateTypes
{
    public const string Receipt = "Webhook::ReceiptWebhook";
    public const string Email = "Webhook::EmailWebhook";
    public const string CustomHttp = "Webhook::CustomHttpWebhook";
}
