using NordeaConnect.Gateway.Changes;

namespace NordeaConnect.Gateway.Notifications.Outbox;

/// <summary>Where a delivery stands. Delivered and dead are final.</summary>
public enum DeliveryState
{
    Pending,
    Delivered,

    /// <summary>Not delivered within the horizon; kept (with its last error) for inspection until retention ends.</summary>
    Dead,
}

/// <summary>One change to POST to one receiver.</summary>
/// <param name="Receiver">The subscriber's notification URL.</param>
/// <param name="Attempts">Attempts made so far.</param>
/// <param name="CreatedAt">When the change was recorded; the give-up horizon counts from here.</param>
/// <param name="Trace">The trace context of the call that recorded the change: the delivery's span continues it.</param>
public sealed record NotificationDelivery(
    long Id,
    Uri Receiver,
    EntityKey Key,
    long Version,
    string MessageJson,
    DeliveryState State,
    int Attempts,
    DateTimeOffset CreatedAt,
    DateTimeOffset NextAttemptAt,
    string? LastError,
    DeliveryTrace? Trace = null)
{
    /// <summary>Deliveries to one receiver share a queue and its concurrency bound: scheme, host and port.</summary>
    public string ReceiverQueue => Receiver.GetLeftPart(UriPartial.Authority);
}
