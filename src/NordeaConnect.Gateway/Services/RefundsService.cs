using Microsoft.AspNetCore.Authorization;
using NordeaConnect.Gateway.Authentication;
using NordeaConnect.Gateway.Mapping;
using NordeaConnect.Gateway.Results;
using NordeaConnect.Grains.V1;
using Upstream = NordeaConnect.Client;
using Grpc.Core;
using NordeaConnect.Primitives;

namespace NordeaConnect.Gateway.Services;

/// <summary><c>nordeaconnect.grains.v1.Refunds</c>: refunds across transactions, read from Nordea Connect.</summary>
public sealed class RefundsService(Upstream.INordeaConnectClient upstream) : Refunds.RefundsBase
{
    [Authorize(Policy = GatewayPolicies.Read)]
    public override async Task<RefundResponse> Get(GetRefundRequest request, ServerCallContext context)
    {
        var refund = await upstream.Refunds.GetAsync(RequestFields.Id(request.Id), cancellationToken: context.CancellationToken);
        return new RefundResponse { Result = ResultMessages.Success(ResultCode.Success), Refund = refund.ToMessage() };
    }

    [Authorize(Policy = GatewayPolicies.Read)]
    public override async Task<ListRefundsResponse> List(ListRefundsRequest request, ServerCallContext context)
    {
        var page = await ListMessages.ListAsync(() => upstream.Refunds.ListAsync(ListMessages.FromMessage(request.Options), cancellationToken: context.CancellationToken));
        var response = new ListRefundsResponse { Result = ResultMessages.Success(ResultCode.Success), Page = page.ToMessage() };
        ListAnswers.AddWithinLimit(response.Refunds, page.Items, r => r.ToMessage());
        return response;
    }
}
