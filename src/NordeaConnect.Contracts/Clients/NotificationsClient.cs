using NordeaConnect.Grains.V1;
using NordeaConnect.Grpc;
using NordeaConnect.Grpc.Client;

namespace NordeaConnect.Contracts;

/// <summary>Calls <c>nordeaconnect.grains.v1.Notifications</c>. Thread-safe; share one per channel.</summary>
public sealed class NotificationsClient : ClientBase
{
    private static readonly Method<SubscribeNotificationsRequest, SubscribeNotificationsResponse> SubscribeMethod = Method.Create<SubscribeNotificationsRequest, SubscribeNotificationsResponse>(NotificationsReflection.Descriptor.Services[0], "Subscribe");

    private static readonly Method<SubscribeNotificationsRequest, SubscribeNotificationsResponse> UnsubscribeMethod = Method.Create<SubscribeNotificationsRequest, SubscribeNotificationsResponse>(NotificationsReflection.Descriptor.Services[0], "Unsubscribe");

    public NotificationsClient(CallInvoker callInvoker)
        : base(callInvoker)
    {
    }

    public NotificationsClient(GrpcChannel channel)
        : base(channel)
    {
    }

    /// <summary>From now on every change of the entity is POSTed to notification_url. Idempotent.</summary>
    public AsyncUnaryCall<SubscribeNotificationsResponse> SubscribeAsync(SubscribeNotificationsRequest request, CallOptions options = default) =>
        CallInvoker.AsyncUnaryCall(SubscribeMethod, options, request);

    public AsyncUnaryCall<SubscribeNotificationsResponse> SubscribeAsync(SubscribeNotificationsRequest request, Metadata? headers, DateTime? deadline = null, CancellationToken cancellationToken = default) =>
        SubscribeAsync(request, new CallOptions(headers, deadline, cancellationToken));

    /// <summary>Stops new changes going to notification_url; changes already queued for it are still delivered.</summary>
    public AsyncUnaryCall<SubscribeNotificationsResponse> UnsubscribeAsync(SubscribeNotificationsRequest request, CallOptions options = default) =>
        CallInvoker.AsyncUnaryCall(UnsubscribeMethod, options, request);

    public AsyncUnaryCall<SubscribeNotificationsResponse> UnsubscribeAsync(SubscribeNotificationsRequest request, Metadata? headers, DateTime? deadline = null, CancellationToken cancellationToken = default) =>
        UnsubscribeAsync(request, new CallOptions(headers, deadline, cancellationToken));
}
