using NordeaConnect.Sandbox.Listing;

namespace NordeaConnect.Sandbox.Webhooks;

/// <summary>The webhook list's filters (the reference names none; the sandbox offers the object's own fields).</summary>
internal static class WebhookSchema
{
    public static readonly ResourceSchema<WebhookRecord> Instance = new(
        "webhook",
        w => w.Id,
        [
            new("created_at", FieldKind.Date, w => w.CreatedAt),
            new("data_format", FieldKind.Text, w => w.DataFormat),
            new("email", FieldKind.Text, w => w.Email),
            new("http_method", FieldKind.Text, w => w.HttpMethod),
            new("id", FieldKind.Integer, w => w.Id),
            new("template_id", FieldKind.Integer, w => w.TemplateId),
            new("transaction_id", FieldKind.Integer, w => w.TransactionId),
            new("trigger", FieldKind.Text, w => w.Trigger),
            new("type", FieldKind.Text, w => w.Type),
            new("url", FieldKind.Text, w => w.Url),
        ]);
}
