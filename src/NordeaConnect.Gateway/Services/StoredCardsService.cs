using Microsoft.AspNetCore.Authorization;
using NordeaConnect.Gateway.Authentication;
using NordeaConnect.Gateway.Mapping;
using NordeaConnect.Gateway.Operations;
using NordeaConnect.Gateway.Results;
using NordeaConnect.Grains.V1;
using Grpc.Core;
using NordeaConnect.Primitives;
using Upstream = NordeaConnect.Client;

namespace NordeaConnect.Gateway.Services;

/// <summary><c>nordeaconnect.grains.v1.StoredCards</c>: messages in, grain calls, messages out.</summary>
public sealed class StoredCardsService(IStoredCardOperations storedCards, IUpstreamQueries upstream) : StoredCards.StoredCardsBase
{
    [Authorize(Policy = GatewayPolicies.Read)]
    public override async Task<StoredCardResponse> Get(GetStoredCardRequest request, ServerCallContext context)
    {
        var card = await storedCards.GetAsync(RequestFields.Id(request.Id), RequestFields.MaxStaleness(request.Read), context.CancellationToken);
        return Response(card);
    }

    [Authorize(Policy = GatewayPolicies.Read)]
    public override async Task<ListStoredCardsResponse> List(ListStoredCardsRequest request, ServerCallContext context)
    {
        var page = await ListMessages.ListAsync(() => upstream.ListStoredCardsAsync(
            ListMessages.FromMessage(request.Options),
            request.HasCustomerId ? RequestFields.Id(request.CustomerId, "customer_id") : null,
            context.CancellationToken));
        return ListResponse(page);
    }

    [Authorize(Policy = GatewayPolicies.Write)]
    public override async Task<StoredCardResponse> UpdateStatus(UpdateStoredCardStatusRequest request, ServerCallContext context)
    {
        var status = RequestFields.OneOf(request.Status, "status", "active", "inactive", "deleted");
        var card = await storedCards.UpdateStatusAsync(RequestFields.Id(request.Id), status, CallMetadata.IdempotencyKey(context), context.CancellationToken);
        return Response(card);
    }

    [Authorize(Policy = GatewayPolicies.Write)]
    public override async Task<StoredCardResponse> Delete(DeleteStoredCardRequest request, ServerCallContext context)
    {
        var card = await storedCards.DeleteAsync(RequestFields.Id(request.Id), CallMetadata.IdempotencyKey(context), context.CancellationToken);
        return Response(card);
    }

    [Authorize(Policy = GatewayPolicies.Write)]
    public override async Task<TransactionResponse> Charge(ChargeStoredCardRequest request, ServerCallContext context)
    {
        var charge = TransactionRequests.ToCharge(request);
        var state = await storedCards.ChargeAsync(RequestFields.Id(request.Id), charge, CallMetadata.IdempotencyKey(context), context.CancellationToken);
        return TransactionsService.Response(state);
    }

    internal static ListStoredCardsResponse ListResponse(Upstream.Page<Upstream.StoredCard> page)
    {
        var response = new ListStoredCardsResponse { Result = ResultMessages.Success(ResultCode.Success), Page = page.ToMessage() };
        ListAnswers.AddWithinLimit(response.StoredCards, page.Items, c => c.ToMessage());
        return response;
    }

    private static StoredCardResponse Response(Versioned<Upstream.StoredCard> card) =>
        new() { Result = ResultMessages.Success(ResultCode.Success), StoredCard = card.ToMessage() };
}
