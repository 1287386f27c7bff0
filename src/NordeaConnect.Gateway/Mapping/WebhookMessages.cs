using System.Globalization;
using Upstream = NordeaConnect.Client;
using V1 = NordeaConnect.Grains.V1;

namespace NordeaConnect.Gateway.Mapping;

public static class WebhookMessages
{
    public static V1.WebhookTemplate ToMessage(this Upstream.WebhookTemplate template)
    {
        ArgumentNullException.ThrowIfNull(template);
        return new V1.WebhookTemplate
        {
            Id = template.Id,
            Trigger = template.Trigger ?? string.Empty,
            Type = template.Type ?? string.Empty,
            Url = template.Url ?? string.Empty,
            Email = template.Email ?? string.Empty,
            HttpMethod = template.HttpMethod ?? string.Empty,
            DataFormat = template.DataFormat ?? string.Empty,
            Body = template.Body ?? string.Empty,
            CustomHeaders = template.CustomHeaders ?? string.Empty,
            Sender = template.Sender ?? string.Empty,
            MerchantId = template.MerchantId ?? string.Empty,
            CreatedAt = Timestamps.From(template.CreatedAt),
            UpdatedAt = Timestamps.From(template.UpdatedAt),
        };
    }

    public static V1.Webhook ToMessage(this Upstream.Webhook webhook)
    {
        ArgumentNullException.ThrowIfNull(webhook);
        return new V1.Webhook
        {
            Id = webhook.Id,
            Type = webhook.Type ?? string.Empty,
            Trigger = webhook.Trigger ?? string.Empty,
            Url = webhook.Url ?? string.Empty,
            Email = webhook.Email ?? string.Empty,
            HttpMethod = webhook.HttpMethod ?? string.Empty,
            DataFormat = webhook.DataFormat ?? string.Empty,
            // The receiver's answer code arrives as text ("200"); anything unreadable is reported as 0 (no answer).
            ResponseCode = int.TryParse(webhook.Response?.Code, NumberStyles.None, CultureInfo.InvariantCulture, out var code) ? code : 0,
            ResponseMessage = webhook.Response?.Message ?? string.Empty,
            ResponseBody = webhook.Response?.Body ?? string.Empty,
            ResponseError = webhook.Response?.Error ?? string.Empty,
            RetryCount = webhook.RetryCount ?? 0,
            CreatedAt = Timestamps.From(webhook.CreatedAt),
            UpdatedAt = Timestamps.From(webhook.UpdatedAt),
        };
    }
}
