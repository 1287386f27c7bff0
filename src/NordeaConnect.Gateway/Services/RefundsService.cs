using Microsoft.AspNetCore.Authorization;
using NordeaConnect.Gateway.Authentication;
using NordeaConnect.Gateway.Mapping;
using NordeaConnect.Gateway.Results;
using NordeaConnect.Grains;
using NordeaConnect.Grains.V1;
using Upstream = NordeaConnect.Client;
using Grpc.Core;
using NordeaConnect.Primitives;

namespace NordeaConnect.Gateway.Services;

/// <summary>
/// <c>nordeaconnect.grains.v1.Refunds</c>: refunds across transactions, read from Nordea Connect in the caller's
/// locale and turned into the grains' records, so a refund maps to its message one way wherever it appears.
/// </summary>
public sealed class RefundsService(Upstream.INordeaConnectClient upstream) : Refunds.RefundsBase
{
    [Authorize(Policy = GatewayPolicies.Read)]
    public override async Task<RefundResponse> Get(GetRefundRequest request, ServerCallContext context)
    {
        var id = RequestFields.Id(request.Id);
        var extend = RelatedEntities.RefundExtends(request.Extend);
        var locale = CallLocales.ForClient(request.Locale);
        var refund = await upstream.Refunds.GetAsync(id, extend.Count == 0 ? null : Upstream.GetOptions.Extending(extend), locale, context.CancellationToken);
        return new RefundResponse { Result = ResultMessages.Success(ResultCode.Success), Refund = UpstreamSnapshots.From(refund).ToMessage() };
    }

    [Authorize(Policy = GatewayPolicies.Read)]
    public override async Task<ListRefundsResponse> List(ListRefundsRequest request, ServerCallContext context)
    {
        var options = ListMessages.FromMessage(request.Options);
        var locale = CallLocales.ForClient(request.Locale);
        var page = await ListMessages.ListAsync(() => upstream.Refunds.ListAsync(options, locale, context.CancellationToken));
        var response = new ListRefundsResponse { Result = ResultMessages.Success(ResultCode.Success), Page = page.ToMessage() };
        ListAnswers.AddWithinLimit(response.Refunds, page.Items, r => UpstreamSnapshots.From(r).ToMessage());
        return response;
    }
}
