using NordeaConnect.Sandbox.Listing;

namespace NordeaConnect.Sandbox.WebhookTemplates;

/// <summary>The webhook template list's filters (the reference names none; the sandbox offers the object's own fields).</summary>
internal static class WebhookTemplateSchema
{
    public static readonly ResourceSchema<WebhookTemplateRecord> Instance = new(
        "webhook template",
        t => t.Id,
        [
            new("created_at", FieldKind.Date, t => t.CreatedAt),
            new("data_format", FieldKind.Text, t => t.DataFormat),
            new("http_method", FieldKind.Text, t => t.HttpMethod),
            new("id", FieldKind.Integer, t => t.Id),
            new("trigger", FieldKind.Text, t => t.Trigger),
            new("type", FieldKind.Text, t => t.Type),
            new("updated_at", FieldKind.Date, t => t.UpdatedAt),
            new("url", FieldKind.Text, t => t.Url),
        ]);
}
