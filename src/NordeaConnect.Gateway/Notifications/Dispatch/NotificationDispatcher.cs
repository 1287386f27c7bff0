using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Options;
using NordeaConnect.Gateway.Notifications.Outbox;

namespace NordeaConnect.Gateway.Notifications.Dispatch;

/// <summary>
/// Hands due deliveries from the outbox to their receivers' queues, records every outcome back in the outbox, and
/// purges what retention no longer covers. Everything it knows is in the outbox, so after a restart (or on another
/// node, once a lease expires) undelivered notifications simply resume. Each attempt is a span (source
/// <see cref="ActivitySourceName"/>) whose parent is the trace context stored with the delivery, so the POST (and its
/// <c>traceparent</c> header) belongs to the trace of the call or webhook that made the change.
/// </summary>
public sealed partial class NotificationDispatcher(
    INotificationOutbox outbox,
    OutboxSignals signals,
    IOptions<NotificationOptions> options,
    TimeProvider time,
    ILogger<NotificationDispatcher> logger,
    NotificationTargetGuard? guard = null) : BackgroundService
{
    /// <summary>The activity source of delivery attempts (traced by the gateway's <c>NordeaConnect.*</c> sources).</summary>
    public const string ActivitySourceName = "NordeaConnect.Gateway.Notifications";

    private const int ClaimBatch = 256;
    private static readonly ActivitySource Tracing = new(ActivitySourceName);
    private readonly NotificationOptions _options = options.Value;
    private readonly ConcurrentDictionary<string, ReceiverQueue> _receivers = new(StringComparer.Ordinal);
    private readonly RetrySchedule _schedule = new(options.Value);
    private TaskCompletionSource _progress = new(TaskCreationOptions.RunContinuationsAsynchronously);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var sender = new NotificationSender(_options, guard);
        // A queued delivery may wait for the whole queue ahead of it before its own attempt; the lease covers that.
        var lease = _options.AttemptTimeout * ((_options.ReceiverQueueCapacity / _options.MaxConcurrencyPerReceiver) + 2);
        var nextPurge = time.GetUtcNow();
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var appended = signals.NextAppend();
                var progressed = Volatile.Read(ref _progress).Task;
                var now = time.GetUtcNow();
                try
                {
                    await DispatchDueAsync(sender, now, now + lease, stoppingToken).ConfigureAwait(false);
                    if (now >= nextPurge)
                    {
                        var purged = await outbox.PurgeAsync(now - _options.Retention, stoppingToken).ConfigureAwait(false);
                        LogPurged(logger, purged);
                        nextPurge = now + _options.PurgeInterval;
                    }
                }
                catch (Exception failure) when (failure is not OperationCanceledException)
                {
                    // The outbox is unreachable for now; nothing is lost, the next round tries again.
                    LogRoundFailed(logger, failure);
                }

                // The poll's timer is dropped as soon as something else wakes the loop.
                using var poll = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                await Task.WhenAny(appended, progressed, Task.Delay(_options.PollInterval, time, poll.Token)).ConfigureAwait(false);
                await poll.CancelAsync().ConfigureAwait(false);
            }
        }
        finally
        {
            await Task.WhenAll(_receivers.Values.Select(r => r.StopAsync())).ConfigureAwait(false);
        }
    }

    private async Task DispatchDueAsync(NotificationSender sender, DateTimeOffset now, DateTimeOffset leaseUntil, CancellationToken stoppingToken)
    {
        var due = await outbox.ClaimDueAsync(now, leaseUntil, ClaimBatch, stoppingToken).ConfigureAwait(false);
        foreach (var delivery in due)
        {
            var queue = _receivers.GetOrAdd(delivery.ReceiverQueue, _ => new ReceiverQueue(
                _options.ReceiverQueueCapacity,
                _options.MaxConcurrencyPerReceiver,
                (d, ct) => DeliverAsync(sender, d, ct),
                GiveBackAsync,
                stoppingToken));
            if (!queue.TryEnqueue(delivery))
            {
                await outbox.ReleaseAsync(delivery.Id, stoppingToken).ConfigureAwait(false);
            }
        }
    }

    private async Task DeliverAsync(NotificationSender sender, NotificationDelivery delivery, CancellationToken stoppingToken)
    {
        using var activity = StartDeliveryActivity(delivery);
        try
        {
            var error = await sender.SendAsync(delivery, stoppingToken).ConfigureAwait(false);
            if (error is not null)
            {
                activity?.SetStatus(ActivityStatusCode.Error, error);
            }

            var now = time.GetUtcNow();
            var attempts = delivery.Attempts + 1;
            if (error is null)
            {
                await outbox.MarkDeliveredAsync(delivery.Id, now, stoppingToken).ConfigureAwait(false);
                Observability.GatewayTelemetry.NotificationDelivery("delivered");
            }
            else if (_schedule.NextAttempt(attempts, delivery.CreatedAt, now, Random.Shared.NextDouble()) is { } next)
            {
                LogAttemptFailed(logger, delivery.Key.ToString(), delivery.Version, delivery.ReceiverQueue, attempts, error);
                await outbox.MarkRetryAsync(delivery.Id, attempts, next, error, stoppingToken).ConfigureAwait(false);
                Observability.GatewayTelemetry.NotificationDelivery("retry");
            }
            else
            {
                LogGaveUp(logger, delivery.Key.ToString(), delivery.Version, delivery.ReceiverQueue, attempts, error);
                await outbox.MarkDeadAsync(delivery.Id, attempts, now, error, stoppingToken).ConfigureAwait(false);
                Observability.GatewayTelemetry.NotificationDelivery("dead");
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping mid-attempt: the receiver may or may not have it; it is sent again after the restart (at least once).
            await GiveBackAsync(delivery).ConfigureAwait(false);
            return;
        }
        catch (Exception failure)
        {
            // The outcome could not be recorded: the lease runs out and the delivery is attempted again (at least once).
            LogRecordFailed(logger, failure, delivery.Id);
        }

        // The next version for this receiver and entity may now be the head: look again without waiting for the poll.
        Interlocked.Exchange(ref _progress, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
    }

    /// <summary>
    /// The attempt's span, a child of the call that recorded the change (not merely linked to it: the change's trace must
    /// reach its notifications, however late they go out). Without a stored context it is the root of a trace of its own.
    /// </summary>
    private static Activity? StartDeliveryActivity(NotificationDelivery delivery)
    {
        ActivityContext parent = default;
        if (delivery.Trace?.TryGetParent(out parent) != true)
        {
            // This worker's own ambient activity, if any, has nothing to do with the change.
            Activity.Current = null;
        }

        var activity = Tracing.StartActivity("notification deliver", ActivityKind.Internal, parent);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("nordeaconnect.notification.entity", delivery.Key.ToString());
            activity.SetTag("nordeaconnect.notification.version", delivery.Version);
            activity.SetTag("nordeaconnect.notification.delivery_id", delivery.Id);
            activity.SetTag("nordeaconnect.notification.attempt", delivery.Attempts + 1);
            activity.SetTag("server.address", delivery.Receiver.Host);
            activity.SetTag("server.port", delivery.Receiver.Port);
        }

        return activity;
    }

    private async Task GiveBackAsync(NotificationDelivery delivery)
    {
        try
        {
            await outbox.ReleaseAsync(delivery.Id, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception failure)
        {
            // Its lease expires instead.
            LogRecordFailed(logger, failure, delivery.Id);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Purged {Count} old changes and finished deliveries from the outbox")]
    private static partial void LogPurged(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Notification round failed; retrying at the next poll")]
    private static partial void LogRoundFailed(ILogger logger, Exception failure);

    [LoggerMessage(Level = LogLevel.Information, Message = "Notification of {Entity} version {Version} to {Receiver} failed (attempt {Attempts}): {Error}")]
    private static partial void LogAttemptFailed(ILogger logger, string entity, long version, string receiver, int attempts, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Gave up notifying {Receiver} of {Entity} version {Version} after {Attempts} attempts: {Error}")]
    private static partial void LogGaveUp(ILogger logger, string entity, long version, string receiver, int attempts, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not record the outcome of delivery {DeliveryId}; it will be attempted again")]
    private static partial void LogRecordFailed(ILogger logger, Exception failure, long deliveryId);
}
