using NordeaConnect.Grains.V1;
using NordeaConnect.Grpc;
using NordeaConnect.Grpc.Client;

namespace NordeaConnect.Contracts;

/// <summary>Calls <c>nordeaconnect.grains.v1.Refunds</c>. Thread-safe; share one per channel.</summary>
public sealed class RefundsClient : ClientBase
{
    private static readonly Method<GetRefundRequest, RefundResponse> GetMethod = Method.Create<GetRefundRequest, RefundResponse>(RefundsReflection.Descriptor.Services[0], "Get");

    private static readonly Method<ListRefundsRequest, ListRefundsResponse> ListMethod = Method.Create<ListRefundsRequest, ListRefundsResponse>(RefundsReflection.Descriptor.Services[0], "List");

    public RefundsClient(CallInvoker callInvoker)
        : base(callInvoker)
    {
    }

    public RefundsClient(GrpcChannel channel)
        : base(channel)
    {
    }

    public AsyncUnaryCall<RefundResponse> GetAsync(GetRefundRequest request, CallOptions options = default) =>
        CallInvoker.AsyncUnaryCall(GetMethod, options, request);

    public AsyncUnaryCall<RefundResponse> GetAsync(GetRefundRequest request, Metadata? headers, DateTime? deadline = null, CancellationToken cancellationToken = default) =>
        GetAsync(request, new CallOptions(headers, deadline, cancellationToken));

    /// <summary>Filters: status (approved, pending, failed), created_at, amount, reason (with * wildcards).</summary>
    public AsyncUnaryCall<ListRefundsResponse> ListAsync(ListRefundsRequest request, CallOptions options = default) =>
        CallInvoker.AsyncUnaryCall(ListMethod, options, request);

    public AsyncUnaryCall<ListRefundsResponse> ListAsync(ListRefundsRequest request, Metadata? headers, DateTime? deadline = null, CancellationToken cancellationToken = default) =>
        ListAsync(request, new CallOptions(headers, deadline, cancellationToken));
}
