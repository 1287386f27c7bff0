using Microsoft.AspNetCore.Authorization;
using NordeaConnect.Gateway.Authentication;
using NordeaConnect.Gateway.Mapping;
using NordeaConnect.Gateway.Operations;
using NordeaConnect.Gateway.Results;
using NordeaConnect.Grains.V1;
using Grpc.Core;
using NordeaConnect.Primitives;

namespace NordeaConnect.Gateway.Services;

/// <summary><c>nordeaconnect.grains.v1.Webhooks</c>: webhooks Nordea Connect executed, read from it.</summary>
public sealed class WebhooksService(IUpstreamQueries upstream) : Grains.V1.Webhooks.WebhooksBase
{
    [Authorize(Policy = GatewayPolicies.Read)]
    public override async Task<WebhookResponse> Get(GetWebhookRequest request, ServerCallContext context)
    {
        var webhook = await upstream.GetWebhookAsync(RequestFields.Id(request.Id), context.CancellationToken);
        return new WebhookResponse { Result = ResultMessages.Success(ResultCode.Success), Webhook = webhook.ToMessage() };
    }

    [Authorize(Policy = GatewayPolicies.Read)]
    public override async Task<ListWebhooksResponse> List(ListWebhooksRequest request, ServerCallContext context)
    {
        var page = await ListMessages.ListAsync(() => upstream.ListWebhooksAsync(ListMessages.FromMessage(request.Options), context.CancellationToken));
        var response = new ListWebhooksResponse { Result = ResultMessages.Success(ResultCode.Success), Page = page.ToMessage() };
        ListAnswers.AddWithinLimit(response.Webhooks, page.Items, w => w.ToMessage());
        return response;
    }
}
