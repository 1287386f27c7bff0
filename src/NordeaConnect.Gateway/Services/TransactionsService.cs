using Microsoft.AspNetCore.Authorization;
using NordeaConnect.Gateway.Authentication;
using NordeaConnect.Gateway.Changes;
using NordeaConnect.Gateway.Facade;
using NordeaConnect.Gateway.Mapping;
using NordeaConnect.Gateway.Notifications.Feed;
using NordeaConnect.Gateway.Results;
using NordeaConnect.Grains;
using NordeaConnect.Grains.V1;
using Upstream = NordeaConnect.Client;
using Grpc.Core;

namespace NordeaConnect.Gateway.Services;

/// <summary>
/// <c>nordeaconnect.grains.v1.Transactions</c>: messages in, grain calls, messages out; lists read from Nordea Connect
/// and turned into the grains' records, so every answer maps a transaction the same one way.
/// </summary>
public sealed class TransactionsService(IGrainFactory grains, TransactionAnnouncements announcements, Upstream.INordeaConnectClient upstream, OutboxWatcher watcher)
    : Transactions.TransactionsBase
{
    private readonly RelatedEntities _related = new(grains);

    [Authorize(Policy = GatewayPolicies.Write)]
    public override async Task<TransactionResponse> Create(CreateTransactionRequest request, ServerCallContext context)
    {
        var (paymentRef, creation, notificationUrl) = TransactionRequests.ToCreation(request);
        // The creation grain is keyed by payment_ref; its journal is what makes a double submit create one transaction.
        var created = await grains.GetGrain<ITransactionCreationGrain>(paymentRef.Value).CreateAsync(creation, CallMetadata.IdempotencyKey(context), context.CancellationToken);
        return Response(await announcements.CreatedAsync(created, notificationUrl, context.CancellationToken));
    }

    [Authorize(Policy = GatewayPolicies.Read)]
    public override async Task<TransactionResponse> Get(GetTransactionRequest request, ServerCallContext context)
    {
        var extend = RelatedEntities.TransactionExtends(request.Extend);
        var maxStaleness = RequestFields.MaxStaleness(request.Read);
        var transaction = GrainResults.Unwrap(await ReadAsync(request.Id, maxStaleness, RequestFields.Locale(request.Locale), context.CancellationToken));
        return Response(await _related.ExtendAsync(transaction, extend, maxStaleness, context.CancellationToken));
    }

    [Authorize(Policy = GatewayPolicies.Read)]
    public override async Task<ListTransactionsResponse> List(ListTransactionsRequest request, ServerCallContext context)
    {
        var options = ListMessages.FromMessage<Upstream.TransactionListOptions>(request.Options);
        if (request.HasCustomerId && request.HasSubscriptionId)
        {
            throw new GatewayRefusalException(Primitives.ResultCode.InvalidArgument, "give customer_id or subscription_id, not both");
        }

        options.CustomerId = request.HasCustomerId ? RequestFields.Id(request.CustomerId, "customer_id") : null;
        options.SubscriptionId = request.HasSubscriptionId ? RequestFields.Id(request.SubscriptionId, "subscription_id") : null;
        var locale = CallLocales.ForClient(request.Locale);
        var page = await ListMessages.ListAsync(() => upstream.Transactions.ListAsync(options, locale, context.CancellationToken));
        return ListResponse(page);
    }

    [Authorize(Policy = GatewayPolicies.Write)]
    public override async Task<TransactionResponse> Update(UpdateTransactionRequest request, ServerCallContext context)
    {
        var update = TransactionRequests.ToUpdate(request);
        var updated = await Grain(request.Id).UpdateAsync(update, CallMetadata.IdempotencyKey(context), context.CancellationToken);
        return Response(GrainResults.Unwrap(updated));
    }

    [Authorize(Policy = GatewayPolicies.Write)]
    public override async Task<TransactionResponse> Capture(CaptureTransactionRequest request, ServerCallContext context)
    {
        // No amount captures all that is authorized; the grain works that out from its state.
        var captured = await Grain(request.Id).CaptureAsync(
            RequestFields.OptionalAmount(request.Amount, "amount"),
            CallMetadata.IdempotencyKey(context),
            RequestFields.Locale(request.Locale),
            context.CancellationToken);
        return Response(GrainResults.Unwrap(captured));
    }

    [Authorize(Policy = GatewayPolicies.Refund)]
    public override async Task<RefundResponse> Refund(RefundTransactionRequest request, ServerCallContext context)
    {
        var refunded = await Grain(request.Id).RefundAsync(
            RequestFields.Amount(request.Amount, "amount"),
            RequestFields.Optional(request.Reason) ?? string.Empty,
            CallMetadata.IdempotencyKey(context),
            RequestFields.Locale(request.Locale),
            context.CancellationToken);
        var refund = GrainResults.Unwrap(refunded);
        // The grain's code says pending, or test mode when its transaction is a test one, as the creation answered.
        var code = refund.Status == "pending" ? Primitives.ResultCode.Pending : refunded.Code;
        return new RefundResponse { Result = ResultMessages.Success(code), Refund = refund.ToMessage() };
    }

    [Authorize(Policy = GatewayPolicies.Read)]
    public override async Task<ListRefundsResponse> ListRefunds(ListTransactionRefundsRequest request, ServerCallContext context)
    {
        var refunds = RequestFields.Locale(request.Locale) is { } locale
            ? GrainResults.Unwrap(await Grain(request.Id).RefreshInLocaleAsync(locale, context.CancellationToken)).Refunds
            : GrainResults.Unwrap(await Grain(request.Id).GetRefundsAsync(RequestFields.MaxStaleness(request.Read), context.CancellationToken));
        var response = new ListRefundsResponse
        {
            Result = ResultMessages.Success(Primitives.ResultCode.Success),
            Page = new PageInfo { Offset = 0, Limit = refunds.Count, Total = refunds.Count },
        };
        ListAnswers.AddWithinLimit(response.Refunds, refunds, r => r.ToMessage());
        return response;
    }

    [Authorize(Policy = GatewayPolicies.Read)]
    public override Task Watch(WatchTransactionRequest request, IServerStreamWriter<TransactionResponse> responseStream, ServerCallContext context)
    {
        var grain = Grain(request.Id);
        return watcher.RunAsync(
            EntityKey.ForTransaction(grain.GetPrimaryKeyLong()),
            request.AfterVersion,
            async ct => Response(GrainResults.Unwrap(await grain.GetAsync(null, ct))),
            response => response.Transaction.Change.Version,
            responseStream,
            context.CancellationToken);
    }

    public static TransactionResponse Response(TransactionSnapshot transaction) => new()
    {
        Result = ResultMessages.Success(SuccessCodes.For(transaction)),
        Transaction = transaction.ToMessage(),
    };

    /// <summary>A page as Nordea Connect listed it, each row through the grains' record (nested objects kept when extended).</summary>
    internal static ListTransactionsResponse ListResponse(Upstream.Page<Upstream.Transaction> page)
    {
        var response = new ListTransactionsResponse { Result = ResultMessages.Success(Primitives.ResultCode.Success), Page = page.ToMessage() };
        ListAnswers.AddWithinLimit(response.Transactions, page.Items, t => UpstreamSnapshots.From(t).ToMessage());
        return response;
    }

    // A locale asks for upstream's texts in that language, so the read goes to Nordea Connect; otherwise the cache may answer.
    private Task<OperationResult<TransactionSnapshot>> ReadAsync(long id, TimeSpan? maxStaleness, string? locale, CancellationToken cancellationToken) =>
        locale is null ? Grain(id).GetAsync(maxStaleness, cancellationToken) : Grain(id).RefreshInLocaleAsync(locale, cancellationToken);

    private ITransactionGrain Grain(long id) => grains.ByIntegerKey<ITransactionGrain>(RequestFields.Id(id));
}
