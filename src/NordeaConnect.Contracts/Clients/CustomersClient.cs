using NordeaConnect.Grains.V1;
using NordeaConnect.Grpc;
using NordeaConnect.Grpc.Client;

namespace NordeaConnect.Contracts;

/// <summary>Calls <c>nordeaconnect.grains.v1.Customers</c>. Thread-safe; share one per channel.</summary>
public sealed class CustomersClient : ClientBase
{
    private static readonly Method<CreateCustomerRequest, CustomerResponse> CreateMethod = Method.Create<CreateCustomerRequest, CustomerResponse>(CustomersReflection.Descriptor.Services[0], "Create");

    private static readonly Method<GetCustomerRequest, CustomerResponse> GetMethod = Method.Create<GetCustomerRequest, CustomerResponse>(CustomersReflection.Descriptor.Services[0], "Get");

    private static readonly Method<ListCustomersRequest, ListCustomersResponse> ListMethod = Method.Create<ListCustomersRequest, ListCustomersResponse>(CustomersReflection.Descriptor.Services[0], "List");

    private static readonly Method<UpdateCustomerRequest, CustomerResponse> UpdateMethod = Method.Create<UpdateCustomerRequest, CustomerResponse>(CustomersReflection.Descriptor.Services[0], "Update");

    private static readonly Method<ListCustomerChildrenRequest, ListTransactionsResponse> ListTransactionsMethod = Method.Create<ListCustomerChildrenRequest, ListTransactionsResponse>(CustomersReflection.Descriptor.Services[0], "ListTransactions");

    private static readonly Method<ListCustomerChildrenRequest, ListStoredCardsResponse> ListStoredCardsMethod = Method.Create<ListCustomerChildrenRequest, ListStoredCardsResponse>(CustomersReflection.Descriptor.Services[0], "ListStoredCards");

    private static readonly Method<ListCustomerChildrenRequest, ListSubscriptionsResponse> ListSubscriptionsMethod = Method.Create<ListCustomerChildrenRequest, ListSubscriptionsResponse>(CustomersReflection.Descriptor.Services[0], "ListSubscriptions");

    public CustomersClient(CallInvoker callInvoker)
        : base(callInvoker)
    {
    }

    public CustomersClient(GrpcChannel channel)
        : base(channel)
    {
    }

    /// <summary>Keyed by ref when given, so a double-submitted sign-up creates one customer.</summary>
    public AsyncUnaryCall<CustomerResponse> CreateAsync(CreateCustomerRequest request, CallOptions options = default) =>
        CallInvoker.AsyncUnaryCall(CreateMethod, options, request);

    public AsyncUnaryCall<CustomerResponse> CreateAsync(CreateCustomerRequest request, Metadata? headers, DateTime? deadline = null, CancellationToken cancellationToken = default) =>
        CreateAsync(request, new CallOptions(headers, deadline, cancellationToken));

    public AsyncUnaryCall<CustomerResponse> GetAsync(GetCustomerRequest request, CallOptions options = default) =>
        CallInvoker.AsyncUnaryCall(GetMethod, options, request);

    public AsyncUnaryCall<CustomerResponse> GetAsync(GetCustomerRequest request, Metadata? headers, DateTime? deadline = null, CancellationToken cancellationToken = default) =>
        GetAsync(request, new CallOptions(headers, deadline, cancellationToken));

    public AsyncUnaryCall<ListCustomersResponse> ListAsync(ListCustomersRequest request, CallOptions options = default) =>
        CallInvoker.AsyncUnaryCall(ListMethod, options, request);

    public AsyncUnaryCall<ListCustomersResponse> ListAsync(ListCustomersRequest request, Metadata? headers, DateTime? deadline = null, CancellationToken cancellationToken = default) =>
        ListAsync(request, new CallOptions(headers, deadline, cancellationToken));

    /// <summary>Metadata is merged into the existing metadata.</summary>
    public AsyncUnaryCall<CustomerResponse> UpdateAsync(UpdateCustomerRequest request, CallOptions options = default) =>
        CallInvoker.AsyncUnaryCall(UpdateMethod, options, request);

    public AsyncUnaryCall<CustomerResponse> UpdateAsync(UpdateCustomerRequest request, Metadata? headers, DateTime? deadline = null, CancellationToken cancellationToken = default) =>
        UpdateAsync(request, new CallOptions(headers, deadline, cancellationToken));

    public AsyncUnaryCall<ListTransactionsResponse> ListTransactionsAsync(ListCustomerChildrenRequest request, CallOptions options = default) =>
        CallInvoker.AsyncUnaryCall(ListTransactionsMethod, options, request);

    public AsyncUnaryCall<ListTransactionsResponse> ListTransactionsAsync(ListCustomerChildrenRequest request, Metadata? headers, DateTime? deadline = null, CancellationToken cancellationToken = default) =>
        ListTransactionsAsync(request, new CallOptions(headers, deadline, cancellationToken));

    public AsyncUnaryCall<ListStoredCardsResponse> ListStoredCardsAsync(ListCustomerChildrenRequest request, CallOptions options = default) =>
        CallInvoker.AsyncUnaryCall(ListStoredCardsMethod, options, request);

    public AsyncUnaryCall<ListStoredCardsResponse> ListStoredCardsAsync(ListCustomerChildrenRequest request, Metadata? headers, DateTime? deadline = null, CancellationToken cancellationToken = default) =>
        ListStoredCardsAsync(request, new CallOptions(headers, deadline, cancellationToken));

    public AsyncUnaryCall<ListSubscriptionsResponse> ListSubscriptionsAsync(ListCustomerChildrenRequest request, CallOptions options = default) =>
        CallInvoker.AsyncUnaryCall(ListSubscriptionsMethod, options, request);

    public AsyncUnaryCall<ListSubscriptionsResponse> ListSubscriptionsAsync(ListCustomerChildrenRequest request, Metadata? headers, DateTime? deadline = null, CancellationToken cancellationToken = default) =>
        ListSubscriptionsAsync(request, new CallOptions(headers, deadline, cancellationToken));
}
