using Microsoft.AspNetCore.Authorization;
using NordeaConnect.Gateway.Authentication;
using NordeaConnect.Gateway.Mapping;
using NordeaConnect.Gateway.Operations;
using NordeaConnect.Gateway.Results;
using NordeaConnect.Grains.V1;
using Upstream = NordeaConnect.Client;
using Grpc.Core;
using NordeaConnect.Primitives;

namespace NordeaConnect.Gateway.Services;

/// <summary><c>nordeaconnect.grains.v1.Plans</c>: messages in, grain calls, messages out.</summary>
public sealed class PlansService(IPlanOperations plans, IUpstreamQueries upstream) : Plans.PlansBase
{
    [Authorize(Policy = GatewayPolicies.Write)]
    public override async Task<PlanResponse> Create(CreatePlanRequest request, ServerCallContext context)
    {
        var plan = await plans.CreateAsync(PlanRequests.ToCreation(request), CallMetadata.IdempotencyKey(context), context.CancellationToken);
        return new PlanResponse { Result = ResultMessages.Success(ResultCode.Success), Plan = plan.ToMessage() };
    }

    [Authorize(Policy = GatewayPolicies.Read)]
    public override async Task<PlanResponse> Get(GetPlanRequest request, ServerCallContext context)
    {
        var plan = await plans.GetAsync(RequestFields.Id(request.Id), RequestFields.MaxStaleness(request.Read), context.CancellationToken);
        return new PlanResponse { Result = ResultMessages.Success(ResultCode.Success), Plan = plan.ToMessage() };
    }

    [Authorize(Policy = GatewayPolicies.Read)]
    public override async Task<ListPlansResponse> List(ListPlansRequest request, ServerCallContext context)
    {
        var page = await ListMessages.ListAsync(() => upstream.ListPlansAsync(ListMessages.FromMessage(request.Options), context.CancellationToken));
        var response = new ListPlansResponse { Result = ResultMessages.Success(ResultCode.Success), Page = page.ToMessage() };
        ListAnswers.AddWithinLimit(response.Plans, page.Items, p => p.ToMessage());
        return response;
    }
}
