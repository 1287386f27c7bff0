using Microsoft.AspNetCore.Authorization;
using NordeaConnect.Gateway.Authentication;
using NordeaConnect.Gateway.Mapping;
using NordeaConnect.Gateway.Operations;
using NordeaConnect.Gateway.Results;
using NordeaConnect.Grains.V1;
using Grpc.Core;
using NordeaConnect.Primitives;

namespace NordeaConnect.Gateway.Services;

/// <summary><c>nordeaconnect.grains.v1.WebhookTemplates</c>: merchant-wide settings, straight to Nordea Connect.</summary>
public sealed class WebhookTemplatesService(IUpstreamQueries upstream) : WebhookTemplates.WebhookTemplatesBase
{
    [Authorize(Policy = GatewayPolicies.Admin)]
    public override async Task<WebhookTemplateResponse> Create(CreateWebhookTemplateRequest request, ServerCallContext context)
    {
        var template = await upstream.CreateWebhookTemplateAsync(WebhookTemplateRequests.ToFields(request), context.CancellationToken);
        return new WebhookTemplateResponse { Result = ResultMessages.Success(ResultCode.Success), WebhookTemplate = template.ToMessage() };
    }

    [Authorize(Policy = GatewayPolicies.Admin)]
    public override async Task<WebhookTemplateResponse> Get(GetWebhookTemplateRequest request, ServerCallContext context)
    {
        var template = await upstream.GetWebhookTemplateAsync(RequestFields.Id(request.Id), context.CancellationToken);
        return new WebhookTemplateResponse { Result = ResultMessages.Success(ResultCode.Success), WebhookTemplate = template.ToMessage() };
    }

    [Authorize(Policy = GatewayPolicies.Admin)]
    public override async Task<ListWebhookTemplatesResponse> List(ListWebhookTemplatesRequest request, ServerCallContext context)
    {
        var page = await ListMessages.ListAsync(() => upstream.ListWebhookTemplatesAsync(ListMessages.FromMessage(request.Options), context.CancellationToken));
        var response = new ListWebhookTemplatesResponse { Result = ResultMessages.Success(ResultCode.Success), Page = page.ToMessage() };
        ListAnswers.AddWithinLimit(response.WebhookTemplates, page.Items, t => t.ToMessage());
        return response;
    }

    [Authorize(Policy = GatewayPolicies.Admin)]
    public override async Task<WebhookTemplateResponse> Update(UpdateWebhookTemplateRequest request, ServerCallContext context)
    {
        var template = await upstream.UpdateWebhookTemplateAsync(RequestFields.Id(request.Id), WebhookTemplateRequests.ToFields(request), context.CancellationToken);
        return new WebhookTemplateResponse { Result = ResultMessages.Success(ResultCode.Success), WebhookTemplate = template.ToMessage() };
    }
}
