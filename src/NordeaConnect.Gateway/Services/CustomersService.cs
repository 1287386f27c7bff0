using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
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

/// <summary><c>nordeaconnect.grains.v1.Customers</c>: messages in, grain calls, messages out; lists straight from Nordea Connect.</summary>
public sealed class CustomersService(IGrainFactory grains, IEntityChangeSink changes, Upstream.INordeaConnectClient upstream) : Customers.CustomersBase
{
    [Authorize(Policy = GatewayPolicies.Write)]
    public override async Task<CustomerResponse> Create(CreateCustomerRequest request, ServerCallContext context)
    {
        var customerRef = RequestFields.Optional(RequestFields.KeyText(request.Ref, "ref")) ?? GeneratedRef(CallMetadata.IdempotencyKey(context));
        CallLocales.ForGrains(request.Locale);
        var created = await grains.GetGrain<ICustomerCreationGrain>(customerRef).CreateAsync(MetadataJson.ToJson(request.Metadata), context.CancellationToken);
        var customer = GrainResults.Unwrap(created);
        if (!created.Replayed)
        {
            // The creation grain is not the customer's grain, so the gateway announces the first state.
            changes.Changed(customer.Id, customer);
        }

        return Response(customer);
    }

    [Authorize(Policy = GatewayPolicies.Read)]
    public override async Task<CustomerResponse> Get(GetCustomerRequest request, ServerCallContext context)
    {
        CallLocales.ForGrains(request.Locale);
        var customer = await Grain(request.Id).GetAsync(RequestFields.MaxStaleness(request.Read), context.CancellationToken);
        return Response(GrainResults.Unwrap(customer));
    }

    [Authorize(Policy = GatewayPolicies.Read)]
    public override async Task<ListCustomersResponse> List(ListCustomersRequest request, ServerCallContext context)
    {
        var locale = CallLocales.ForClient(request.Locale);
        var page = await ListMessages.ListAsync(() => upstream.Customers.ListAsync(ListMessages.FromMessage(request.Options), locale, context.CancellationToken));
        var response = new ListCustomersResponse { Result = ResultMessages.Success(ResultCode.Success), Page = page.ToMessage() };
        ListAnswers.AddWithinLimit(response.Customers, page.Items, c => UpstreamSnapshots.From(c).ToMessage());
        return response;
    }

    [Authorize(Policy = GatewayPolicies.Write)]
    public override async Task<CustomerResponse> Update(UpdateCustomerRequest request, ServerCallContext context)
    {
        CallLocales.ForGrains(request.Locale);
        using var empty = JsonDocument.Parse("{}");
        var metadata = MetadataJson.ToJson(request.Metadata) ?? empty.RootElement.Clone();
        var customer = await Grain(request.Id).UpdateMetadataAsync(metadata, CallMetadata.IdempotencyKey(context), context.CancellationToken);
        return Response(GrainResults.Unwrap(customer));
    }

    [Authorize(Policy = GatewayPolicies.Read)]
    public override async Task<ListTransactionsResponse> ListTransactions(ListCustomerChildrenRequest request, ServerCallContext context)
    {
        var options = ListMessages.FromMessage<Upstream.TransactionListOptions>(request.Options);
        options.CustomerId = RequestFields.Id(request.Id);
        var locale = CallLocales.ForClient(request.Locale);
        var page = await ListMessages.ListAsync(() => upstream.Transactions.ListAsync(options, locale, context.CancellationToken));
        return TransactionsService.ListResponse(page);
    }

    [Authorize(Policy = GatewayPolicies.Read)]
    public override async Task<ListStoredCardsResponse> ListStoredCards(ListCustomerChildrenRequest request, ServerCallContext context)
    {
        var options = ListMessages.FromMessage<Upstream.StoredCardListOptions>(request.Options);
        options.CustomerId = RequestFields.Id(request.Id);
        var locale = CallLocales.ForClient(request.Locale);
        var page = await ListMessages.ListAsync(() => upstream.StoredCards.ListAsync(options, locale, context.CancellationToken));
        return StoredCardsService.ListResponse(page);
    }

    [Authorize(Policy = GatewayPolicies.Read)]
    public override async Task<ListSubscriptionsResponse> ListSubscriptions(ListCustomerChildrenRequest request, ServerCallContext context)
    {
        var options = ListMessages.FromMessage<Upstream.SubscriptionListOptions>(request.Options);
        options.CustomerId = RequestFields.Id(request.Id);
        var locale = CallLocales.ForClient(request.Locale);
        var page = await ListMessages.ListAsync(() => upstream.Subscriptions.ListAsync(options, locale, context.CancellationToken));
        return SubscriptionsService.ListResponse(page, request.Options?.Extend ?? []);
    }

    /// <summary>
    /// Creation is keyed by the customer's ref. A caller without one gets a ref derived from its idempotency key, so
    /// a retry finds the same customer; without either, every call creates a new customer, as upstream would.
    /// </summary>
    private static string GeneratedRef(string? idempotencyKey) =>
        "gw-" + (idempotencyKey is null
            ? Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8))
            : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(idempotencyKey)))[..16]);

    private static CustomerResponse Response(CustomerSnapshot customer) =>
        new() { Result = ResultMessages.Success(ResultCode.Success), Customer = customer.ToMessage() };

    private ICustomerGrain Grain(long id) => grains.GetGrain<ICustomerGrain>(RequestFields.Id(id));
}
