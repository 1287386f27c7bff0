using NordeaConnect.Grains.V1;
using NordeaConnect.Grpc;
using NordeaConnect.Grpc.Client;

namespace NordeaConnect.Contracts;

/// <summary>Calls <c>nordeaconnect.grains.v1.Transactions</c>. Thread-safe; share one per channel.</summary>
public sealed class TransactionsClient : ClientBase
{
    private static readonly Method<CreateTransactionRequest, TransactionResponse> CreateMethod = Method.Create<CreateTransactionRequest, TransactionResponse>(TransactionsReflection.Descriptor.Services[0], "Create");

    private static readonly Method<GetTransactionRequest, TransactionResponse> GetMethod = Method.Create<GetTransactionRequest, TransactionResponse>(TransactionsReflection.Descriptor.Services[0], "Get");

    private static readonly Method<ListTransactionsRequest, ListTransactionsResponse> ListMethod = Method.Create<ListTransactionsRequest, ListTransactionsResponse>(TransactionsReflection.Descriptor.Services[0], "List");

    private static readonly Method<UpdateTransactionRequest, TransactionResponse> UpdateMethod = Method.Create<UpdateTransactionRequest, TransactionResponse>(TransactionsReflection.Descriptor.Services[0], "Update");

    private static readonly Method<CaptureTransactionRequest, TransactionResponse> CaptureMethod = Method.Create<CaptureTransactionRequest, TransactionResponse>(TransactionsReflection.Descriptor.Services[0], "Capture");

    private static readonly Method<RefundTransactionRequest, RefundResponse> RefundMethod = Method.Create<RefundTransactionRequest, RefundResponse>(TransactionsReflection.Descriptor.Services[0], "Refund");

    private static readonly Method<ListTransactionRefundsRequest, ListRefundsResponse> ListRefundsMethod = Method.Create<ListTransactionRefundsRequest, ListRefundsResponse>(TransactionsReflection.Descriptor.Services[0], "ListRefunds");

    private static readonly Method<WatchTransactionRequest, TransactionResponse> WatchMethod = Method.Create<WatchTransactionRequest, TransactionResponse>(TransactionsReflection.Descriptor.Services[0], "Watch");

    public TransactionsClient(CallInvoker callInvoker)
        : base(callInvoker)
    {
    }

    public TransactionsClient(GrpcChannel channel)
        : base(channel)
    {
    }

    /// <summary>Creates a transaction; keyed by payment_ref, so an order submitted twice creates one transaction.</summary>
    public AsyncUnaryCall<TransactionResponse> CreateAsync(CreateTransactionRequest request, CallOptions options = default) =>
        CallInvoker.AsyncUnaryCall(CreateMethod, options, request);

    public AsyncUnaryCall<TransactionResponse> CreateAsync(CreateTransactionRequest request, Metadata? headers, DateTime? deadline = null, CancellationToken cancellationToken = default) =>
        CreateAsync(request, new CallOptions(headers, deadline, cancellationToken));

    public AsyncUnaryCall<TransactionResponse> GetAsync(GetTransactionRequest request, CallOptions options = default) =>
        CallInvoker.AsyncUnaryCall(GetMethod, options, request);

    public AsyncUnaryCall<TransactionResponse> GetAsync(GetTransactionRequest request, Metadata? headers, DateTime? deadline = null, CancellationToken cancellationToken = default) =>
        GetAsync(request, new CallOptions(headers, deadline, cancellationToken));

    public AsyncUnaryCall<ListTransactionsResponse> ListAsync(ListTransactionsRequest request, CallOptions options = default) =>
        CallInvoker.AsyncUnaryCall(ListMethod, options, request);

    public AsyncUnaryCall<ListTransactionsResponse> ListAsync(ListTransactionsRequest request, Metadata? headers, DateTime? deadline = null, CancellationToken cancellationToken = default) =>
        ListAsync(request, new CallOptions(headers, deadline, cancellationToken));

    /// <summary>Card details (only while not approved), metadata (merged) and process.</summary>
    public AsyncUnaryCall<TransactionResponse> UpdateAsync(UpdateTransactionRequest request, CallOptions options = default) =>
        CallInvoker.AsyncUnaryCall(UpdateMethod, options, request);

    public AsyncUnaryCall<TransactionResponse> UpdateAsync(UpdateTransactionRequest request, Metadata? headers, DateTime? deadline = null, CancellationToken cancellationToken = default) =>
        UpdateAsync(request, new CallOptions(headers, deadline, cancellationToken));

    /// <summary>Captures an authorized transaction, fully or partly, never above the authorized amount.</summary>
    public AsyncUnaryCall<TransactionResponse> CaptureAsync(CaptureTransactionRequest request, CallOptions options = default) =>
        CallInvoker.AsyncUnaryCall(CaptureMethod, options, request);

    public AsyncUnaryCall<TransactionResponse> CaptureAsync(CaptureTransactionRequest request, Metadata? headers, DateTime? deadline = null, CancellationToken cancellationToken = default) =>
        CaptureAsync(request, new CallOptions(headers, deadline, cancellationToken));

    /// <summary>Refunds a paid transaction, never more than was captured and not yet refunded.</summary>
    public AsyncUnaryCall<RefundResponse> RefundAsync(RefundTransactionRequest request, CallOptions options = default) =>
        CallInvoker.AsyncUnaryCall(RefundMethod, options, request);

    public AsyncUnaryCall<RefundResponse> RefundAsync(RefundTransactionRequest request, Metadata? headers, DateTime? deadline = null, CancellationToken cancellationToken = default) =>
        RefundAsync(request, new CallOptions(headers, deadline, cancellationToken));

    public AsyncUnaryCall<ListRefundsResponse> ListRefundsAsync(ListTransactionRefundsRequest request, CallOptions options = default) =>
        CallInvoker.AsyncUnaryCall(ListRefundsMethod, options, request);

    public AsyncUnaryCall<ListRefundsResponse> ListRefundsAsync(ListTransactionRefundsRequest request, Metadata? headers, DateTime? deadline = null, CancellationToken cancellationToken = default) =>
        ListRefundsAsync(request, new CallOptions(headers, deadline, cancellationToken));

    /// <summary>Streams the transaction now and after every change; after_version resumes without missing a change.</summary>
    public AsyncServerStreamingCall<TransactionResponse> Watch(WatchTransactionRequest request, CallOptions options = default) =>
        CallInvoker.AsyncServerStreamingCall(WatchMethod, options, request);

    public AsyncServerStreamingCall<TransactionResponse> Watch(WatchTransactionRequest request, Metadata? headers, DateTime? deadline = null, CancellationToken cancellationToken = default) =>
        Watch(request, new CallOptions(headers, deadline, cancellationToken));
}
