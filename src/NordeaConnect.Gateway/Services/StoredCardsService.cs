using Microsoft.AspNetCore.Authorization;
using NordeaConnect.Gateway.Authentication;
using NordeaConnect.Gateway.Changes;
using NordeaConnect.Gateway.Mapping;
using NordeaConnect.Gateway.Results;
using NordeaConnect.Grains;
using NordeaConnect.Grains.V1;
using Grpc.Core;
using NordeaConnect.Primitives;
using Upstream = NordeaConnect.Client;

namespace NordeaConnect.Gateway.Services;

/// <summary>
/// <c>nordeaconnect.grains.v1.StoredCards</c>: messages in, grain calls, messages out; lists read from Nordea Connect
/// and turned into the grains' records, so a card maps to its message one way wherever it appears.
/// </summary>
public sealed class StoredCardsService(IGrainFactory grains, TransactionAnnouncements announcements, Upstream.INordeaConnectClient upstream) : StoredCards.StoredCardsBase
{
    private readonly RelatedEntities _related = new(grains);

    [Authorize(Policy = GatewayPolicies.Read)]
    public override async Task<StoredCardResponse> Get(GetStoredCardRequest request, ServerCallContext context)
    {
        var extend = RelatedEntities.StoredCardExtends(request.Extend);
        var maxStaleness = RequestFields.MaxStaleness(request.Read);
        // A locale asks for upstream's texts in that language, so the read goes to Nordea Connect.
        var read = RequestFields.Locale(request.Locale) is { } locale
            ? await Grain(request.Id).RefreshInLocaleAsync(locale, context.CancellationToken)
            : await Grain(request.Id).GetAsync(maxStaleness, context.CancellationToken);
        var card = await _related.ExtendAsync(GrainResults.Unwrap(read), extend, maxStaleness, context.CancellationToken);
        return new StoredCardResponse { Result = ResultMessages.Success(ResultCode.Success), StoredCard = card.ToMessage() };
    }

    [Authorize(Policy = GatewayPolicies.Read)]
    public override async Task<ListStoredCardsResponse> List(ListStoredCardsRequest request, ServerCallContext context)
    {
        var options = ListMessages.FromMessage<Upstream.StoredCardListOptions>(request.Options);
        options.CustomerId = request.HasCustomerId ? RequestFields.Id(request.CustomerId, "customer_id") : null;
        var locale = CallLocales.ForClient(request.Locale);
        var page = await ListMessages.ListAsync(() => upstream.StoredCards.ListAsync(options, locale, context.CancellationToken));
        return ListResponse(page);
    }

    [Authorize(Policy = GatewayPolicies.Write)]
    public override async Task<StoredCardResponse> UpdateStatus(UpdateStoredCardStatusRequest request, ServerCallContext context)
    {
        var status = RequestFields.OneOf(request.Status, "status", "active", "inactive", "deleted");
        var card = await Grain(request.Id).UpdateStatusAsync(status, CallMetadata.IdempotencyKey(context), RequestFields.Locale(request.Locale), context.CancellationToken);
        return Response(card);
    }

    [Authorize(Policy = GatewayPolicies.Write)]
    public override async Task<StoredCardResponse> Delete(DeleteStoredCardRequest request, ServerCallContext context)
    {
        var card = await Grain(request.Id).DeleteAsync(CallMetadata.IdempotencyKey(context), RequestFields.Locale(request.Locale), context.CancellationToken);
        return Response(card);
    }

    [Authorize(Policy = GatewayPolicies.Write)]
    public override async Task<TransactionResponse> Charge(ChargeStoredCardRequest request, ServerCallContext context)
    {
        var (charge, notificationUrl) = TransactionRequests.ToCharge(request);
        var charged = await Grain(request.Id).ChargeAsync(charge, context.CancellationToken);
        return TransactionsService.Response(await announcements.CreatedAsync(charged, notificationUrl, context.CancellationToken));
    }

    /// <summary>A page as Nordea Connect listed it, each row through the grains' record (never its token; the customer kept when extended).</summary>
    internal static ListStoredCardsResponse ListResponse(Upstream.Page<Upstream.StoredCard> page)
    {
        var response = new ListStoredCardsResponse { Result = ResultMessages.Success(ResultCode.Success), Page = page.ToMessage() };
        ListAnswers.AddWithinLimit(response.StoredCards, page.Items, c => UpstreamSnapshots.From(c).ToMessage());
        return response;
    }

    private static StoredCardResponse Response(OperationResult<StoredCardSnapshot> card) =>
        new() { Result = ResultMessages.Success(ResultCode.Success), StoredCard = GrainResults.Unwrap(card).ToMessage() };

    private IStoredCardGrain Grain(long id) => grains.GetGrain<IStoredCardGrain>(RequestFields.Id(id));
}
