using System.Runtime.CompilerServices;
using Google.Protobuf;
using Microsoft.Extensions.Options;
using NordeaConnect.Gateway.Changes;
using NordeaConnect.Gateway.Notifications.Outbox;
using Grpc.Core;

namespace NordeaConnect.Gateway.Notifications.Feed;

/// <summary>
/// Watch calls over the outbox: a watcher that gives the last version it saw first gets every change the outbox still
/// holds after it, in order, then each new change as it is appended (here at once, on other nodes within the poll
/// interval). Unlike the in-process feed it skips nothing, and it works across restarts and nodes.
/// </summary>
public sealed class OutboxWatcher(INotificationOutbox outbox, OutboxSignals signals, IOptions<NotificationOptions> options, TimeProvider time)
{
    private const int ReadBatch = 100;

    /// <summary>Every change of <paramref name="key"/> after <paramref name="afterVersion"/>, oldest first, until canceled.</summary>
    public async IAsyncEnumerable<EntityChangeRecord> FollowAsync(EntityKey key, long afterVersion, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var seen = afterVersion;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            // Taken before the read, so an append landing between the read and the wait still wakes this watcher.
            var next = signals.NextChange(key);
            var changes = await outbox.ReadChangesAsync(key, seen, ReadBatch, cancellationToken).ConfigureAwait(false);
            foreach (var change in changes)
            {
                yield return change;
                seen = change.Version;
            }

            if (changes.Count < ReadBatch)
            {
                // Other nodes' appends are found by the poll; the timer is dropped as soon as a local append wakes us.
                using var poll = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                await Task.WhenAny(next, Task.Delay(options.Value.PollInterval, time, poll.Token)).ConfigureAwait(false);
                await poll.CancelAsync().ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// The loop behind a Watch call: the changes after <paramref name="afterVersion"/> from the outbox, then every new
    /// one. When the outbox holds nothing for the entity yet (it never changed since the outbox began), the current
    /// state from <paramref name="readCurrent"/> is sent first, if newer than <paramref name="afterVersion"/>.
    /// </summary>
    public async Task RunAsync<TResponse>(
        EntityKey key,
        long afterVersion,
        Func<CancellationToken, Task<TResponse>> readCurrent,
        Func<TResponse, long> versionOf,
        IServerStreamWriter<TResponse> responseStream,
        CancellationToken cancellationToken)
        where TResponse : IMessage<TResponse>, new()
    {
        ArgumentNullException.ThrowIfNull(readCurrent);
        ArgumentNullException.ThrowIfNull(versionOf);
        ArgumentNullException.ThrowIfNull(responseStream);
        var sent = afterVersion;
        if (await outbox.LatestChangeAsync(key, cancellationToken).ConfigureAwait(false) is null)
        {
            var current = await readCurrent(cancellationToken).ConfigureAwait(false);
            if (versionOf(current) > sent)
            {
                await responseStream.WriteAsync(current, cancellationToken).ConfigureAwait(false);
                sent = versionOf(current);
            }
        }

        await foreach (var change in FollowAsync(key, sent, cancellationToken).ConfigureAwait(false))
        {
            await responseStream.WriteAsync(EntityMessages.Parse<TResponse>(change.MessageJson), cancellationToken).ConfigureAwait(false);
        }
    }
}
