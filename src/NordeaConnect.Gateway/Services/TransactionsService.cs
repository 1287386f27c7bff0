using Microsoft.AspNetCore.Authorization;
using NordeaConnect.Gateway.Authentication;
using NordeaConnect.Gateway.Changes;
using NordeaConnect.Gateway.Mapping;
using NordeaConnect.Gateway.Notifications.Feed;
using NordeaConnect.Gateway.Operations;
using NordeaConnect.Gateway.Results;
using NordeaConnect.Grains.V1;
using Upstream = NordeaConnect.Client;
using Grpc.Core;

namespace NordeaConnect.Gateway.Services;

/// <summary><c>nordeaconnect.grains.v1.Transactions</c>: messages in, grain calls, messages out.</summary>
public sealed class TransactionsService(ITransactionOperations transactions, IUpstreamQueries upstream, OutboxWatcher watcher) : Transactions.TransactionsBase
{
    [Authorize(Policy = GatewayPolicies.Write)]
    public override async Task<TransactionResponse> Create(CreateTransactionRequest request, ServerCallContext context)
    {
        var creation = TransactionRequests.ToCreation(request);
        var state = await transactions.CreateAsync(creation, CallMetadata.IdempotencyKey(context), context.CancellationToken);
        return Response(state);
    }

    [Authorize(Policy = GatewayPolicies.Read)]
    public override async Task<TransactionResponse> Get(GetTransactionRequest request, ServerCallContext context)
    {
        var state = await transactions.GetAsync(RequestFields.Id(request.Id), RequestFields.MaxStaleness(request.Read), context.CancellationToken);
        return Response(state);
    }

    [Authorize(Policy = GatewayPolicies.Read)]
    public override async Task<ListTransactionsResponse> List(ListTransactionsRequest request, ServerCallContext context)
    {
        var options = ListMessages.FromMessage(request.Options);
        if (request.HasCustomerId && request.HasSubscriptionId)
        {
            throw new GatewayRefusalException(Primitives.ResultCode.InvalidArgument, "give customer_id or subscription_id, not both");
        }

        var page = await ListMessages.ListAsync(() => upstream.ListTransactionsAsync(
            options,
            request.HasCustomerId ? RequestFields.Id(request.CustomerId, "customer_id") : null,
            request.HasSubscriptionId ? RequestFields.Id(request.SubscriptionId, "subscription_id") : null,
            context.CancellationToken));
        var response = new ListTransactionsResponse { Result = ResultMessages.Success(Primitives.ResultCode.Success), Page = page.ToMessage() };
        ListAnswers.AddWithinLimit(response.Transactions, page.Items, t => t.ToMessage());
        return response;
    }

    [Authorize(Policy = GatewayPolicies.Write)]
    public override async Task<TransactionResponse> Update(UpdateTransactionRequest request, ServerCallContext context)
    {
        var update = TransactionRequests.ToUpdate(request);
        var state = await transactions.UpdateAsync(RequestFields.Id(request.Id), update, CallMetadata.IdempotencyKey(context), context.CancellationToken);
        return Response(state);
    }

    [Authorize(Policy = GatewayPolicies.Write)]
    public override async Task<TransactionResponse> Capture(CaptureTransactionRequest request, ServerCallContext context)
    {
        var state = await transactions.CaptureAsync(
            RequestFields.Id(request.Id),
            RequestFields.OptionalAmount(request.Amount, "amount"),
            RequestFields.Locale(request.Locale),
            CallMetadata.IdempotencyKey(context),
            context.CancellationToken);
        return Response(state);
    }

    [Authorize(Policy = GatewayPolicies.Refund)]
    public override async Task<RefundResponse> Refund(RefundTransactionRequest request, ServerCallContext context)
    {
        // The refund does not say whether its transaction is a test one; the grain's state does (a flag that never
        // changes). Read first, so a failing read refuses the call instead of hiding a refund that happened.
        var transaction = await transactions.GetAsync(RequestFields.Id(request.Id), null, context.CancellationToken);
        var refund = await transactions.RefundAsync(
            RequestFields.Id(request.Id),
            RequestFields.Amount(request.Amount, "amount"),
            RequestFields.Optional(request.Reason),
            RequestFields.Locale(request.Locale),
            CallMetadata.IdempotencyKey(context),
            context.CancellationToken);
        return new RefundResponse { Result = ResultMessages.Success(SuccessCodes.For(refund, transaction.Transaction.Test == true)), Refund = refund.ToMessage() };
    }

    [Authorize(Policy = GatewayPolicies.Read)]
    public override async Task<ListRefundsResponse> ListRefunds(ListTransactionRefundsRequest request, ServerCallContext context)
    {
        var refunds = await transactions.ListRefundsAsync(RequestFields.Id(request.Id), RequestFields.MaxStaleness(request.Read), context.CancellationToken);
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
        var id = RequestFields.Id(request.Id);
        return watcher.RunAsync(
            EntityKey.ForTransaction(id),
            request.AfterVersion,
            async ct => Response(await transactions.GetAsync(id, null, ct)),
            response => response.Transaction.Change.Version,
            responseStream,
            context.CancellationToken);
    }

    internal static TransactionResponse Response(TransactionView state) => new()
    {
        Result = ResultMessages.Success(SuccessCodes.For(state.Transaction)),
        Transaction = state.ToMessage(),
    };
}
