using Microsoft.AspNetCore.Authorization;
using NordeaConnect.Gateway.Authentication;
using NordeaConnect.Gateway.Mapping;
using NordeaConnect.Gateway.Results;
using NordeaConnect.Grains.V1;
using Grpc.Core;
using NordeaConnect.Primitives;

namespace NordeaConnect.Gateway.Services;

/// <summary><c>nordeaconnect.grains.v1.WebhookTemplates</c>: merchant-wide settings, straight to Nordea Connect.</summary>
public sealed class WebhookTemplatesService(Client.INordeaConnectClient upstream) : WebhookTemplates.WebhookTemplatesBase
{
    [Authorize(Policy = GatewayPolicies.Admin)]
    public override async Task<WebhookTemplateResponse> Create(CreateWebhookTemplateRequest request, ServerCallContext context)
    {
        var template = await upstream.WebhookTemplates.CreateAsync(WebhookTemplateRequests.ToOptions(request), CallLocales.ForClient(request.Locale), context.CancellationToken);
        return new WebhookTemplateResponse { Result = ResultMessages.Success(ResultCode.Success), WebhookTemplate = template.ToMessage() };
    }

    [Authorize(Policy = GatewayPolicies.Admin)]
    public override async Task<WebhookTemplateResponse> Get(GetWebhookTemplateRequest request, ServerCallContext context)
    {
        var template = await upstream.WebhookTemplates.GetAsync(RequestFields.Id(request.Id), requestOptions: CallLocales.ForClient(request.Locale), cancellationToken: context.CancellationToken);
        return new WebhookTemplateResponse { Result = ResultMessages.Success(ResultCode.Success), WebhookTemplate = template.ToMessage() };
    }

    [Authorize(Policy = GatewayPolicies.Admin)]
    public override async Task<ListWebhookTemplatesResponse> List(ListWebhookTemplatesRequest request, ServerCallContext context)
    {
        var locale = CallLocales.ForClient(request.Locale);
        var page = await ListMessages.ListAsync(() => upstream.WebhookTemplates.ListAsync(ListMessages.FromMessage(request.Options), locale, context.CancellationToken));
        var response = new ListWebhookTemplatesResponse { Result = ResultMessages.Success(ResultCode.Success), Page = page.ToMessage() };
        ListAnswers.AddWithinLimit(response.WebhookTemplates, page.Items, t => t.ToMessage());
        return response;
    }

    [Authorize(Policy = GatewayPolicies.Admin)]
    public override async Task<WebhookTemplateResponse> Update(UpdateWebhookTemplateRequest request, ServerCallContext context)
    {
        var id = RequestFields.Id(request.Id);
        var locale = CallLocales.ForClient(request.Locale);
        // The upstream update takes the whole template, so fields the caller left out keep their current values.
        var current = await upstream.WebhookTemplates.GetAsync(id, requestOptions: locale, cancellationToken: context.CancellationToken);
        var template = await upstream.WebhookTemplates.UpdateAsync(id, WebhookTemplateRequests.ToOptions(request, current), locale, context.CancellationToken);
        return new WebhookTemplateResponse { Result = ResultMessages.Success(ResultCode.Success), WebhookTemplate = template.ToMessage() };
    }
}
