using Microsoft.AspNetCore.Authorization;
using NordeaConnect.Gateway.Authentication;
using NordeaConnect.Gateway.Mapping;
using NordeaConnect.Gateway.Results;
using NordeaConnect.Grains.V1;
using Grpc.Core;
using NordeaConnect.Primitives;

namespace NordeaConnect.Gateway.Services;

/// <summary><c>nordeaconnect.grains.v1.Webhooks</c>: webhooks Nordea Connect executed, read from it.</summary>
public sealed class WebhooksService(Client.INordeaConnectClient upstream) : Grains.V1.Webhooks.WebhooksBase
{
    [Authorize(Policy = GatewayPolicies.Read)]
    public override async Task<WebhookResponse> Get(GetWebhookRequest request, ServerCallContext context)
    {
        var webhook = await upstream.Webhooks.GetAsync(RequestFields.Id(request.Id), requestOptions: CallLocales.ForClient(request.Locale), cancellationToken: context.CancellationToken);
        return new WebhookResponse { Result = ResultMessages.Success(ResultCode.Success), Webhook = webhook.ToMessage() };
    }

    [Authorize(Policy = GatewayPolicies.Read)]
    public override async Task<ListWebhooksResponse> List(ListWebhooksRequest request, ServerCallContext context)
    {
        var locale = CallLocales.ForClient(request.Locale);
        var page = await ListMessages.ListAsync(() => upstream.Webhooks.ListAsync(ListMessages.FromMessage(request.Options), locale, context.CancellationToken));
        var response = new ListWebhooksResponse { Result = ResultMessages.Success(ResultCode.Success), Page = page.ToMessage() };
        ListAnswers.AddWithinLimit(response.Webhooks, page.Items, w => w.ToMessage());
        return response;
    }
}
