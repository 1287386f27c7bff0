using Grpc.Core;
using Grpc.Core.Interceptors;
using NordeaConnect.Gateway.Notifications;
using NordeaConnect.Gateway.Results;
using NordeaConnect.Grains.V1;
using NordeaConnect.Primitives;

namespace NordeaConnect.Gateway.Facade;

/// <summary>
/// Refuses a notification_url that <see cref="NotificationTargetGuard"/> refuses, before the service runs (so nothing is
/// created for a call that is refused), naming the field (100.100.001). A URL that is not even well formed is left to
/// the service, whose refusal says what is wrong with it.
/// </summary>
internal sealed class NotificationTargetInterceptor(NotificationTargetGuard guard) : Interceptor
{
    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        ArgumentNullException.ThrowIfNull(continuation);
        ArgumentNullException.ThrowIfNull(context);
        var url = request switch
        {
            CreateTransactionRequest create => create.NotificationUrl,
            ChargeStoredCardRequest charge => charge.NotificationUrl,
            SubscribeNotificationsRequest subscribe => subscribe.NotificationUrl,
            _ => null,
        };

        // Most calls carry no URL: they pass straight on, without a state machine of their own.
        return !string.IsNullOrEmpty(url) && NotificationReceivers.TryParse(url, out var receiver, out _)
            ? CheckedAsync(receiver, request, context, continuation)
            : continuation(request, context);
    }

    private async Task<TResponse> CheckedAsync<TRequest, TResponse>(Uri receiver, TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
        where TRequest : class
        where TResponse : class
    {
        if (await guard.CheckAsync(receiver, context.CancellationToken).ConfigureAwait(false) is { } refusal)
        {
            throw new GatewayRefusalException(ResultCode.InvalidArgument, refusal, "notification_url");
        }

        return await continuation(request, context).ConfigureAwait(false);
    }
}
