using NordeaConnect.Grains.V1;
using NordeaConnect.Grpc;
using NordeaConnect.Grpc.Client;

namespace NordeaConnect.Contracts;

/// <summary>Calls <c>nordeaconnect.grains.v1.Subscriptions</c>. Thread-safe; share one per channel.</summary>
public sealed class SubscriptionsClient : ClientBase
{
    private static readonly Method<GetSubscriptionRequest, SubscriptionResponse> GetMethod = Method.Create<GetSubscriptionRequest, SubscriptionResponse>(SubscriptionsReflection.Descriptor.Services[0], "Get");

    private static readonly Method<ListSubscriptionsRequest, ListSubscriptionsResponse> ListMethod = Method.Create<ListSubscriptionsRequest, ListSubscriptionsResponse>(SubscriptionsReflection.Descriptor.Services[0], "List");

    private static readonly Method<UpdateSubscriptionRequest, SubscriptionResponse> UpdateMethod = Method.Create<UpdateSubscriptionRequest, SubscriptionResponse>(SubscriptionsReflection.Descriptor.Services[0], "Update");

    private static readonly Method<AddDebtRequest, SubscriptionResponse> AddDebtMethod = Method.Create<AddDebtRequest, SubscriptionResponse>(SubscriptionsReflection.Descriptor.Services[0], "AddDebt");

    private static readonly Method<WatchSubscriptionRequest, SubscriptionResponse> WatchMethod = Method.Create<WatchSubscriptionRequest, SubscriptionResponse>(SubscriptionsReflection.Descriptor.Services[0], "Watch");

    public SubscriptionsClient(CallInvoker callInvoker)
        : base(callInvoker)
    {
    }

    public SubscriptionsClient(GrpcChannel channel)
        : base(channel)
    {
    }

    public AsyncUnaryCall<SubscriptionResponse> GetAsync(GetSubscriptionRequest request, CallOptions options = default) =>
        CallInvoker.AsyncUnaryCall(GetMethod, options, request);

    public AsyncUnaryCall<SubscriptionResponse> GetAsync(GetSubscriptionRequest request, Metadata? headers, DateTime? deadline = null, CancellationToken cancellationToken = default) =>
        GetAsync(request, new CallOptions(headers, deadline, cancellationToken));

    public AsyncUnaryCall<ListSubscriptionsResponse> ListAsync(ListSubscriptionsRequest request, CallOptions options = default) =>
        CallInvoker.AsyncUnaryCall(ListMethod, options, request);

    public AsyncUnaryCall<ListSubscriptionsResponse> ListAsync(ListSubscriptionsRequest request, Metadata? headers, DateTime? deadline = null, CancellationToken cancellationToken = default) =>
        ListAsync(request, new CallOptions(headers, deadline, cancellationToken));

    public AsyncUnaryCall<SubscriptionResponse> UpdateAsync(UpdateSubscriptionRequest request, CallOptions options = default) =>
        CallInvoker.AsyncUnaryCall(UpdateMethod, options, request);

    public AsyncUnaryCall<SubscriptionResponse> UpdateAsync(UpdateSubscriptionRequest request, Metadata? headers, DateTime? deadline = null, CancellationToken cancellationToken = default) =>
        UpdateAsync(request, new CallOptions(headers, deadline, cancellationToken));

    /// <summary>Adds delta (may be negative, e.g. "-5.00") to the debt charged with the next period: a read-modify-write the REST API lacks, safe because it runs inside the subscription's turn.</summary>
    public AsyncUnaryCall<SubscriptionResponse> AddDebtAsync(AddDebtRequest request, CallOptions options = default) =>
        CallInvoker.AsyncUnaryCall(AddDebtMethod, options, request);

    public AsyncUnaryCall<SubscriptionResponse> AddDebtAsync(AddDebtRequest request, Metadata? headers, DateTime? deadline = null, CancellationToken cancellationToken = default) =>
        AddDebtAsync(request, new CallOptions(headers, deadline, cancellationToken));

    public AsyncServerStreamingCall<SubscriptionResponse> Watch(WatchSubscriptionRequest request, CallOptions options = default) =>
        CallInvoker.AsyncServerStreamingCall(WatchMethod, options, request);

    public AsyncServerStreamingCall<SubscriptionResponse> Watch(WatchSubscriptionRequest request, Metadata? headers, DateTime? deadline = null, CancellationToken cancellationToken = default) =>
        Watch(request, new CallOptions(headers, deadline, cancellationToken));
}
