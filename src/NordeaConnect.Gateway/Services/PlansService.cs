using Microsoft.AspNetCore.Authorization;
using NordeaConnect.Gateway.Authentication;
using NordeaConnect.Gateway.Mapping;
using NordeaConnect.Grains;
using NordeaConnect.Gateway.Results;
using NordeaConnect.Grains.V1;
using Upstream = NordeaConnect.Client;
using Grpc.Core;
using NordeaConnect.Primitives;

namespace NordeaConnect.Gateway.Services;

/// <summary><c>nordeaconnect.grains.v1.Plans</c>: messages in, grain calls, messages out; lists straight from Nordea Connect.</summary>
public sealed class PlansService(IGrainFactory grains, Upstream.INordeaConnectClient upstream) : Plans.PlansBase
{
    [Authorize(Policy = GatewayPolicies.Write)]
    public override async Task<PlanResponse> Create(CreatePlanRequest request, ServerCallContext context)
    {
        var creation = PlanRequests.ToCreation(request);
        CallLocales.ForGrains(request.Locale);
        // Plans are keyed by name: the same definition twice is one plan.
        var plan = await grains.GetGrain<IPlanCatalogGrain>(creation.Name).CreateAsync(creation, context.CancellationToken);
        return new PlanResponse { Result = ResultMessages.Success(ResultCode.Success), Plan = GrainResults.Unwrap(plan).ToMessage() };
    }

    [Authorize(Policy = GatewayPolicies.Read)]
    public override async Task<PlanResponse> Get(GetPlanRequest request, ServerCallContext context)
    {
        CallLocales.ForGrains(request.Locale);
        var plan = await grains.GetGrain<IPlanGrain>(RequestFields.Id(request.Id)).GetAsync(RequestFields.MaxStaleness(request.Read), context.CancellationToken);
        return new PlanResponse { Result = ResultMessages.Success(ResultCode.Success), Plan = GrainResults.Unwrap(plan).ToMessage() };
    }

    [Authorize(Policy = GatewayPolicies.Read)]
    public override async Task<ListPlansResponse> List(ListPlansRequest request, ServerCallContext context)
    {
        var locale = CallLocales.ForClient(request.Locale);
        var page = await ListMessages.ListAsync(() => upstream.Plans.ListAsync(ListMessages.FromMessage(request.Options), locale, context.CancellationToken));
        var response = new ListPlansResponse { Result = ResultMessages.Success(ResultCode.Success), Page = page.ToMessage() };
        ListAnswers.AddWithinLimit(response.Plans, page.Items, p => UpstreamSnapshots.From(p).ToMessage());
        return response;
    }
}
