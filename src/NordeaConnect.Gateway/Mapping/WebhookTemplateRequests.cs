using NordeaConnect.Gateway.Operations;
using NordeaConnect.Gateway.Results;
using NordeaConnect.Primitives;
using V1 = NordeaConnect.Grains.V1;

namespace NordeaConnect.Gateway.Mapping;

public static class WebhookTemplateRequests
{
    public static WebhookTemplateFields ToFields(V1.CreateWebhookTemplateRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Trigger.Length == 0 || request.Type.Length == 0)
        {
            throw new GatewayRefusalException(ResultCode.InvalidArgument, "trigger and type are required, e.g. trigger payment_success and type custom_http", request.Trigger.Length == 0 ? "trigger" : "type");
        }

        RequireBody(request.Body);

        return new WebhookTemplateFields
        {
            Trigger = request.Trigger,
            Type = RequestFields.OneOf(request.Type, "type", "custom_http", "email", "receipt"),
            Url = RequestFields.Optional(request.Url),
            Email = RequestFields.Optional(request.Email),
            HttpMethod = RequestFields.Optional(request.HttpMethod),
            DataFormat = RequestFields.Optional(request.DataFormat),
            Body = RequestFields.Optional(request.Body),
            CustomHeaders = RequestFields.Optional(request.CustomHeaders),
            Sender = RequestFields.Optional(request.Sender),
        };
    }

    public static WebhookTemplateFields ToFields(V1.UpdateWebhookTemplateRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new WebhookTemplateFields
        {
            Trigger = request.HasTrigger ? request.Trigger : null,
            Type = request.HasType ? RequestFields.OneOf(request.Type, "type", "custom_http", "email", "receipt") : null,
            Url = request.HasUrl ? request.Url : null,
            Email = request.HasEmail ? request.Email : null,
            HttpMethod = request.HasHttpMethod ? request.HttpMethod : null,
            DataFormat = request.HasDataFormat ? request.DataFormat : null,
            Body = request.HasBody ? request.Body : null,
            CustomHeaders = request.HasCustomHeaders ? request.CustomHeaders : null,
            Sender = request.HasSender ? request.Sender : null,
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
