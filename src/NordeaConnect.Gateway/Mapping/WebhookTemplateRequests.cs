using Upstream = NordeaConnect.Client;
using NordeaConnect.Gateway.Results;
using NordeaConnect.Primitives;
using V1 = NordeaConnect.Grains.V1;

namespace NordeaConnect.Gateway.Mapping;

public static class WebhookTemplateRequests
{
    public static Upstream.WebhookTemplateOptions ToOptions(V1.CreateWebhookTemplateRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Trigger.Length == 0 || request.Type.Length == 0)
        {
            throw new GatewayRefusalException(ResultCode.InvalidArgument, "trigger and type are required, e.g. trigger payment_success and type custom_http", request.Trigger.Length == 0 ? "trigger" : "type");
        }

        RequireBody(request.Body);

        return new Upstream.WebhookTemplateOptions
        {
            Trigger = request.Trigger,
            Type = RequestFields.OneOf(request.Type, "type", "custom_http", "email", "receipt"),
            Url = RequestFields.Optional(request.Url),
            Email = RequestFields.Optional(request.Email),
            HttpMethod = RequestFields.Optional(request.HttpMethod),
            DataFormat = RequestFields.Optional(request.DataFormat),
            Body = request.Body,
            CustomHeaders = RequestFields.Optional(request.CustomHeaders),
            Sender = RequestFields.Optional(request.Sender),
        };
    }

    /// <summary>The whole template to send: upstream's update takes every field, so those left out keep <paramref name="current"/>'s values.</summary>
    public static Upstream.WebhookTemplateOptions ToOptions(V1.UpdateWebhookTemplateRequest request, Upstream.WebhookTemplate current)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(current);
        var type = request.HasType ? RequestFields.OneOf(request.Type, "type", "custom_http", "email", "receipt") : current.Type;
        return new Upstream.WebhookTemplateOptions
        {
            Trigger = request.HasTrigger ? request.Trigger : current.Trigger,
            Type = type,
            Url = request.HasUrl ? request.Url : current.Url,
            Email = request.HasEmail ? request.Email : current.Email,
            HttpMethod = request.HasHttpMethod ? request.HttpMethod : current.HttpMethod,
            DataFormat = request.HasDataFormat ? request.DataFormat : current.DataFormat,
            Body = request.HasBody ? request.Body : current.Body ?? string.Empty,
            CustomHeaders = request.HasCustomHeaders ? request.CustomHeaders : current.CustomHeaders,
            Sender = request.HasSender ? request.Sender : current.Sender,
        };
    }

    /// <summary>Nordea Connect stores a template whole, body included (an update starts from the stored one).</summary>
    private static void RequireBody(string body)
    {
        if (string.IsNullOrEmpty(body))
        {
            throw new GatewayRefusalException(
                ResultCode.InvalidArgument,
                "body is missing: a webhook template needs the body it sends (with its placeholders)",
                "body");
        }
    }
}
