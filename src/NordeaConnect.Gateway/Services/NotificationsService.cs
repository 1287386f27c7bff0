using Microsoft.AspNetCore.Authorization;
using NordeaConnect.Gateway.Authentication;
using NordeaConnect.Gateway.Changes;
using NordeaConnect.Gateway.Mapping;
using NordeaConnect.Gateway.Notifications;
using NordeaConnect.Gateway.Notifications.Outbox;
using NordeaConnect.Gateway.Results;
using NordeaConnect.Grains.V1;
using Grpc.Core;
using NordeaConnect.Primitives;

namespace NordeaConnect.Gateway.Services;

/// <summary>
/// <c>nordeaconnect.grains.v1.Notifications</c>: subscribes a caller's URL to the changes of an entity that already
/// exists, in the same outbox a notification_url given on Create goes to.
/// </summary>
public sealed class NotificationsService(
    INotificationOutbox outbox,
    IGrainFactory grains) : Grains.V1.Notifications.NotificationsBase
{
    private static readonly string[] Kinds = [EntityKey.Transaction, EntityKey.Subscription, EntityKey.Customer, EntityKey.StoredCard];

    [Authorize(Policy = GatewayPolicies.Write)]
    public override async Task<SubscribeNotificationsResponse> Subscribe(SubscribeNotificationsRequest request, ServerCallContext context)
    {
        var (entity, receiver) = Read(request);
        // Through the grain, so a known entity usually costs no upstream call, and a mistyped id is refused instead of
        // subscribing a URL that would never hear anything.
        await EnsureExistsAsync(entity, context.CancellationToken);
        await outbox.SubscribeAsync(entity, receiver, context.CancellationToken);
        return new SubscribeNotificationsResponse { Result = ResultMessages.Success(ResultCode.Success) };
    }

    [Authorize(Policy = GatewayPolicies.Write)]
    public override async Task<SubscribeNotificationsResponse> Unsubscribe(SubscribeNotificationsRequest request, ServerCallContext context)
    {
        // No existence check: removing a subscription that is not there changes nothing, and an entity upstream
        // forgot should still be removable.
        var (entity, receiver) = Read(request);
        await outbox.UnsubscribeAsync(entity, receiver, context.CancellationToken);
        return new SubscribeNotificationsResponse { Result = ResultMessages.Success(ResultCode.Success) };
    }

    private static (EntityKey Entity, Uri Receiver) Read(SubscribeNotificationsRequest request)
    {
        if (!Kinds.Contains(request.EntityKind, StringComparer.Ordinal))
        {
            var shown = request.EntityKind.Length > 40 ? request.EntityKind[..40] + "…" : request.EntityKind;
            throw new GatewayRefusalException(
                ResultCode.InvalidArgument,
                request.EntityKind.Length == 0
                    ? "entity_kind is missing: give one of " + string.Join(", ", Kinds)
                    : $"entity_kind '{shown}' is not one of {string.Join(", ", Kinds)}");
        }

        var id = RequestFields.Id(request.Id);
        // The error names what is wrong, never the URL: a receiver URL may carry a token.
        if (!NotificationReceivers.TryParse(request.NotificationUrl, out var receiver, out var error))
        {
            throw new GatewayRefusalException(ResultCode.InvalidArgument, error);
        }

        return (new EntityKey(request.EntityKind, id), receiver);
    }

    private async Task EnsureExistsAsync(EntityKey entity, CancellationToken cancellationToken)
    {
        try
        {
            _ = entity.Kind switch
            {
                EntityKey.Transaction => GrainResults.Unwrap(await grains.GetGrain<Grains.ITransactionGrain>(entity.Id).GetAsync(null, cancellationToken)).Id,
                EntityKey.Subscription => GrainResults.Unwrap(await grains.GetGrain<Grains.ISubscriptionGrain>(entity.Id).GetAsync(null, cancellationToken)).Id,
                EntityKey.Customer => GrainResults.Unwrap(await grains.GetGrain<Grains.ICustomerGrain>(entity.Id).GetAsync(null, cancellationToken)).Id,
                EntityKey.StoredCard => GrainResults.Unwrap(await grains.GetGrain<Grains.IStoredCardGrain>(entity.Id).GetAsync(null, cancellationToken)).Id,
                _ => throw new ArgumentOutOfRangeException(nameof(entity), entity.Kind, "Read admits only the kinds listed in Kinds."),
            };
        }
        catch (OperationFailedException ex) when (IsNotFound(ex.Result))
        {
            throw new GatewayRefusalException(ResultCode.NotFound, $"{entity.Kind} {entity.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)} does not exist at Nordea Connect");
        }
    }

    private static bool IsNotFound(Result result) =>
        result.Code == ResultCode.UpstreamNotFound.Value
        || result.Code == ResultCode.NotFound.Value
        || result.UpstreamError?.HttpStatus == 404;
}
