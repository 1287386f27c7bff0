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

/// <summary><c>nordeaconnect.grains.v1.Customers</c>: messages in, grain calls, messages out.</summary>
public sealed class CustomersService(ICustomerOperations customers, IUpstreamQueries upstream) : Customers.CustomersBase
{
    [Authorize(Policy = GatewayPolicies.Write)]
    public override async Task<CustomerResponse> Create(CreateCustomerRequest request, ServerCallContext context)
    {
        var creation = new CustomerCreation(RequestFields.Optional(RequestFields.KeyText(request.Ref, "ref")), MetadataJson.ToJson(request.Metadata));
        var customer = await customers.CreateAsync(creation, CallMetadata.IdempotencyKey(context), context.CancellationToken);
        return Response(customer);
    }

    [Authorize(Policy = GatewayPolicies.Read)]
    public override async Task<CustomerResponse> Get(GetCustomerRequest request, ServerCallContext context)
    {
        var customer = await customers.GetAsync(RequestFields.Id(request.Id), RequestFields.MaxStaleness(request.Read), context.CancellationToken);
        return Response(customer);
    }

    [Authorize(Policy = GatewayPolicies.Read)]
    public override async Task<ListCustomersResponse> List(ListCustomersRequest request, ServerCallContext context)
    {
        var page = await ListMessages.ListAsync(() => upstream.ListCustomersAsync(ListMessages.FromMessage(request.Options), context.CancellationToken));
        var response = new ListCustomersResponse { Result = ResultMessages.Success(ResultCode.Success), Page = page.ToMessage() };
        ListAnswers.AddWithinLimit(response.Customers, page.Items, c => c.ToMessage());
        return response;
    }

    [Authorize(Policy = GatewayPolicies.Write)]
    public override async Task<CustomerResponse> Update(UpdateCustomerRequest request, ServerCallContext context)
    {
        var customer = await customers.UpdateAsync(
            RequestFields.Id(request.Id),
            MetadataJson.ToJson(request.Metadata),
            CallMetadata.IdempotencyKey(context),
            context.CancellationToken);
        return Response(customer);
    }

    [Authorize(Policy = GatewayPolicies.Read)]
    public override async Task<ListTransactionsResponse> ListTransactions(ListCustomerChildrenRequest request, ServerCallContext context)
    {
        var page = await ListMessages.ListAsync(() => upstream.ListTransactionsAsync(ListMessages.FromMessage(request.Options), RequestFields.Id(request.Id), null, context.CancellationToken));
        var response = new ListTransactionsResponse { Result = ResultMessages.Success(ResultCode.Success), Page = page.ToMessage() };
        ListAnswers.AddWithinLimit(response.Transactions, page.Items, t => t.ToMessage());
        return response;
    }

    [Authorize(Policy = GatewayPolicies.Read)]
    public override async Task<ListStoredCardsResponse> ListStoredCards(ListCustomerChildrenRequest request, ServerCallContext context)
    {
        var page = await ListMessages.ListAsync(() => upstream.ListStoredCardsAsync(ListMessages.FromMessage(request.Options), RequestFields.Id(request.Id), context.CancellationToken));
        return StoredCardsService.ListResponse(page);
    }

    [Authorize(Policy = GatewayPolicies.Read)]
    public override async Task<ListSubscriptionsResponse> ListSubscriptions(ListCustomerChildrenRequest request, ServerCallContext context)
    {
        var page = await ListMessages.ListAsync(() => upstream.ListSubscriptionsAsync(ListMessages.FromMessage(request.Options), RequestFields.Id(request.Id), context.CancellationToken));
        return SubscriptionsService.ListResponse(page);
    }

    private static CustomerResponse Response(Versioned<Upstream.Customer> customer) =>
        new() { Result = ResultMessages.Success(ResultCode.Success), Customer = customer.ToMessage() };
}
