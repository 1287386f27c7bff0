using NordeaConnect.Sandbox.Clock;
using NordeaConnect.Sandbox.Errors;
using NordeaConnect.Sandbox.Hosting;
using NordeaConnect.Sandbox.Http;
using NordeaConnect.Sandbox.Store;
using NordeaConnect.Sandbox.Templating;
using NordeaConnect.Sandbox.Webhooks;
using NordeaConnect.Sandbox.Webhooks.Delivery;

namespace NordeaConnect.Sandbox.WebhookTemplates;

/// <summary>Creates and updates webhook templates; every Liquid field is parsed up front so a broken template is a 400, not a failed delivery.</summary>
internal sealed class WebhookTemplateService(SandboxStore store, SandboxClock time)
{
    private static readonly string[] Methods = ["POST", "GET", "PATCH", "PUT", "DELETE"];

    public WebhookTemplateRecord Create(SandboxMerchant merchant, RequestFields fields)
    {
        var now = time.GetUtcNow();
        CheckMerchant(merchant, fields, required: true);
        var draft = Read(fields, existing: null);
        return store.For(merchant.Id).Write(book =>
        {
            var template = draft with { Id = book.Ids.NextWebhookTemplate(), CreatedAt = now, UpdatedAt = now };
            book.WebhookTemplates[template.Id] = template;
            return template;
        });
    }

    public WebhookTemplateRecord Update(SandboxMerchant merchant, long templateId, RequestFields fields)
    {
        var now = time.GetUtcNow();
        CheckMerchant(merchant, fields, required: false);
        return store.For(merchant.Id).Write(book =>
        {
            var existing = Records.Find(book.WebhookTemplates, templateId, "webhook template");
            var updated = Read(fields, existing) with { Id = existing.Id, CreatedAt = existing.CreatedAt, UpdatedAt = now };
            book.WebhookTemplates[templateId] = updated;
            return updated;
        });
    }

    /// <summary>
    /// The reference names a type differently per call: create takes the class names (Webhook::CustomHttpWebhook,
    /// Webhook::EmailWebhook, Webhook::ReceiptWebhook), update and the template object the short names (custom_http,
    /// email, receipt). Each call accepts only its own spelling, so a caller sending the other one learns it here.
    /// </summary>
    public static string? NormalizeType(string? type, bool creating) => (type?.Trim(), creating) switch
    {
        ("Webhook::CustomHttpWebhook", true) or ("custom_http", false) => "custom_http",
        ("Webhook::EmailWebhook", true) or ("email", false) => "email",
        ("Webhook::ReceiptWebhook", true) or ("receipt", false) => "receipt",
        _ => null,
    };

    private static WebhookTemplateRecord Read(RequestFields fields, WebhookTemplateRecord? existing)
    {
        var typeText = fields.OptionalString("type", 64);
        var type = typeText is null ? existing?.Type : NormalizeType(typeText, creating: existing is null)
            ?? throw new ApiException(SandboxErrors.ParameterInvalid, "type", existing is null
                ? "expected Webhook::CustomHttpWebhook, Webhook::EmailWebhook or Webhook::ReceiptWebhook"
                : "expected custom_http, email or receipt");
        var trigger = fields.OptionalString("trigger", 64) ?? existing?.Trigger;
        if (type is null)
        {
            throw new ApiException(SandboxErrors.ParameterMissing, "type");
        }

        if (trigger is null)
        {
            throw new ApiException(SandboxErrors.ParameterMissing, "trigger");
        }

        if (!WebhookTriggers.All.Contains(trigger))
        {
            throw new ApiException(SandboxErrors.ParameterInvalid, "trigger", "expected one of " + string.Join(", ", WebhookTriggers.All));
        }

        var body = Liquid(fields, "body", 65_536) ?? throw new ApiException(SandboxErrors.ParameterMissing, "body");
        var url = Liquid(fields, "url", 2048) ?? existing?.Url;
        var email = Liquid(fields, "email", 254) ?? existing?.Email;
        var customHeaders = Liquid(fields, "custom_headers", 4096) ?? existing?.CustomHeaders;
        var sender = Liquid(fields, "sender", 254) ?? existing?.Sender;
        var method = fields.OptionalString("http_method", 16)?.ToUpperInvariant() ?? existing?.HttpMethod;
        var format = fields.OptionalString("data_format", 16)?.ToLowerInvariant() ?? existing?.DataFormat;
        if (type == "custom_http")
        {
            if (string.IsNullOrEmpty(url))
            {
                throw new ApiException(SandboxErrors.ParameterMissing, "url");
            }

            method ??= "POST";
            format ??= "json";
            if (!Methods.Contains(method))
            {
                throw new ApiException(SandboxErrors.ParameterInvalid, "http_method", "expected POST, GET, PATCH, PUT or DELETE");
            }

            if (!WebhookDelivery.TryParseDataFormat(format, out _))
            {
                throw new ApiException(SandboxErrors.ParameterInvalid, "data_format", "expected json, xml or form_post");
            }
        }
        else if (string.IsNullOrEmpty(email))
        {
            throw new ApiException(SandboxErrors.ParameterMissing, "email");
        }

        return new WebhookTemplateRecord
        {
            Id = 0,
            CreatedAt = default,
            UpdatedAt = default,
            Url = url,
            Trigger = trigger,
            Type = type,
            Email = email,
            HttpMethod = method,
            DataFormat = format,
            Body = body,
            CustomHeaders = customHeaders,
            Sender = sender,
        };
    }

    /// <summary>A field that may contain Liquid: refused with the template's own syntax error when it does not parse.</summary>
    private static string? Liquid(RequestFields fields, string name, int maxLength)
    {
        var text = fields.OptionalString(name, maxLength);
        if (text is not null && !LiquidTemplate.TryParse(text, out _, out var error))
        {
            throw new ApiException(SandboxErrors.ParameterInvalid, name, error.Message);
        }

        return text;
    }

    private static void CheckMerchant(SandboxMerchant merchant, RequestFields fields, bool required)
    {
        var merchantId = fields.OptionalString("merchant_id", 64);
        if (merchantId is null)
        {
            if (required)
            {
                throw new ApiException(SandboxErrors.ParameterMissing, "merchant_id");
            }

            return;
        }

        if (merchantId != merchant.Id)
        {
            throw new ApiException(SandboxErrors.ParameterInvalid, "merchant_id", "it must be your own merchant id");
        }
    }
}
