namespace NordeaConnect.Client;

/// <summary>
/// The webhook template types. The reference's create call names them by class (<c>Webhook::CustomHttpWebhook</c>);
/// its update call and the template object by short name (<c>custom_http</c>). The service sends each call the
/// spelling it documents, whichever one the caller used.
/// </summary>
public static class WebhookTemplateTypes
{
    public const string Receipt = "Webhook::ReceiptWebhook";
    public const string Email = "Webhook::EmailWebhook";
    public const string CustomHttp = "Webhook::CustomHttpWebhook";

    public const string ReceiptShortName = "receipt";
    public const string EmailShortName = "email";
    public const string CustomHttpShortName = "custom_http";

    /// <summary>The class name <c>POST /v1/webhook_templates</c> takes; an unknown type is sent as given.</summary>
    public static string ForCreate(string type) => type switch
    {
        CustomHttpShortName => CustomHttp,
        EmailShortName => Email,
        ReceiptShortName => Receipt,
        _ => type,
    };

    /// <summary>The short name <c>PUT /v1/webhook_templates/{id}</c> takes; an unknown type is sent as given.</summary>
    public static string ForUpdate(string type) => type switch
    {
        CustomHttp => CustomHttpShortName,
        Email => EmailShortName,
        Receipt => ReceiptShortName,
        _ => type,
    };
}
