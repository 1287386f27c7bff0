using NordeaConnect.Grains.V1;
using NordeaConnect.Grpc;
using NordeaConnect.Grpc.Client;

namespace NordeaConnect.Contracts;

/// <summary>Calls <c>nordeaconnect.grains.v1.StoredCards</c>. Thread-safe; share one per channel.</summary>
public sealed class StoredCardsClient : ClientBase
{
    private static readonly Method<GetStoredCardRequest, StoredCardResponse> GetMethod = Method.Create<GetStoredCardRequest, StoredCardResponse>(StoredCardsReflection.Descriptor.Services[0], "Get");

    private static readonly Method<ListStoredCardsRequest, ListStoredCardsResponse> ListMethod = Method.Create<ListStoredCardsRequest, ListStoredCardsResponse>(StoredCardsReflection.Descriptor.Services[0], "List");

    private static readonly Method<UpdateStoredCardStatusRequest, StoredCardResponse> UpdateStatusMethod = Method.Create<UpdateStoredCardStatusRequest, StoredCardResponse>(StoredCardsReflection.Descriptor.Services[0], "UpdateStatus");

    private static readonly Method<DeleteStoredCardRequest, StoredCardResponse> DeleteMethod = Method.Create<DeleteStoredCardRequest, StoredCardResponse>(StoredCardsReflection.Descriptor.Services[0], "Delete");

    private static readonly Method<ChargeStoredCardRequest, TransactionResponse> ChargeMethod = Method.Create<ChargeStoredCardRequest, TransactionResponse>(StoredCardsReflection.Descriptor.Services[0], "Charge");

    public StoredCardsClient(CallInvoker callInvoker)
        : base(callInvoker)
    {
    }

    public StoredCardsClient(GrpcChannel channel)
        : base(channel)
    {
    }

    public AsyncUnaryCall<StoredCardResponse> GetAsync(GetStoredCardRequest request, CallOptions options = default) =>
        CallInvoker.AsyncUnaryCall(GetMethod, options, request);

    public AsyncUnaryCall<StoredCardResponse> GetAsync(GetStoredCardRequest request, Metadata? headers, DateTime? deadline = null, CancellationToken cancellationToken = default) =>
        GetAsync(request, new CallOptions(headers, deadline, cancellationToken));

    public AsyncUnaryCall<ListStoredCardsResponse> ListAsync(ListStoredCardsRequest request, CallOptions options = default) =>
        CallInvoker.AsyncUnaryCall(ListMethod, options, request);

    public AsyncUnaryCall<ListStoredCardsResponse> ListAsync(ListStoredCardsRequest request, Metadata? headers, DateTime? deadline = null, CancellationToken cancellationToken = default) =>
        ListAsync(request, new CallOptions(headers, deadline, cancellationToken));

    public AsyncUnaryCall<StoredCardResponse> UpdateStatusAsync(UpdateStoredCardStatusRequest request, CallOptions options = default) =>
        CallInvoker.AsyncUnaryCall(UpdateStatusMethod, options, request);

    public AsyncUnaryCall<StoredCardResponse> UpdateStatusAsync(UpdateStoredCardStatusRequest request, Metadata? headers, DateTime? deadline = null, CancellationToken cancellationToken = default) =>
        UpdateStatusAsync(request, new CallOptions(headers, deadline, cancellationToken));

    public AsyncUnaryCall<StoredCardResponse> DeleteAsync(DeleteStoredCardRequest request, CallOptions options = default) =>
        CallInvoker.AsyncUnaryCall(DeleteMethod, options, request);

    public AsyncUnaryCall<StoredCardResponse> DeleteAsync(DeleteStoredCardRequest request, Metadata? headers, DateTime? deadline = null, CancellationToken cancellationToken = default) =>
        DeleteAsync(request, new CallOptions(headers, deadline, cancellationToken));

    /// <summary>A token payment with the stored card; the gateway builds the request hash. Refused without an upstream call when the card is inactive, deleted or expired.</summary>
    public AsyncUnaryCall<TransactionResponse> ChargeAsync(ChargeStoredCardRequest request, CallOptions options = default) =>
        CallInvoker.AsyncUnaryCall(ChargeMethod, options, request);

    public AsyncUnaryCall<TransactionResponse> ChargeAsync(ChargeStoredCardRequest request, Metadata? headers, DateTime? deadline = null, CancellationToken cancellationToken = default) =>
        ChargeAsync(request, new CallOptions(headers, deadline, cancellationToken));
}
