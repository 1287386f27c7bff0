using NordeaConnect.Grpc.Server;

namespace NordeaConnect.Gateway.Changes;

/// <summary>
/// The loop behind every Watch call: subscribe first, then send the current state if it is newer than the caller's
/// after_version, then every newer change, until the caller cancels or its deadline passes.
/// </summary>
public static class EntityWatch
{
    public static async Task RunAsync<TState, TResponse>(
        IEntityChangeFeed feed,
        EntityKey key,
        long afterVersion,
        Func<CancellationToken, Task<TState>> readCurrent,
        Func<TState, long> versionOf,
        Func<TState, TResponse> toResponse,
        IServerStreamWriter<TResponse> responseStream,
        CancellationToken cancellationToken)
        where TState : class
    {
        ArgumentNullException.ThrowIfNull(feed);
        ArgumentNullException.ThrowIfNull(readCurrent);
        ArgumentNullException.ThrowIfNull(responseStream);

        // Subscribing before the read means a change landing in between is in the channel, not lost.
        using var subscription = feed.Subscribe<TState>(key);
        var current = await readCurrent(cancellationToken).ConfigureAwait(false);
        var sent = afterVersion;
        if (versionOf(current) > sent)
        {
            await responseStream.WriteAsync(toResponse(current), cancellationToken).ConfigureAwait(false);
            sent = versionOf(current);
        }

        await foreach (var notice in subscription.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            if (notice.Version > sent)
            {
                await responseStream.WriteAsync(toResponse(notice.Snapshot), cancellationToken).ConfigureAwait(false);
                sent = notice.Version;
            }
        }
    }
}
