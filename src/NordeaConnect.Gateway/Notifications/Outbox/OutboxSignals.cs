using System.Collections.Concurrent;
using NordeaConnect.Gateway.Changes;

namespace NordeaConnect.Gateway.Notifications.Outbox;

/// <summary>
/// Wakes this process's watchers and dispatcher when a change is appended here, so they need not poll for local
/// changes. Changes appended by other nodes are found by polling (<see cref="NotificationOptions.PollInterval"/>).
/// </summary>
public sealed class OutboxSignals
{
    private readonly ConcurrentDictionary<EntityKey, TaskCompletionSource> _entities = new();
    private TaskCompletionSource _any = NewSource();

    /// <summary>A task that completes at the next append to <paramref name="key"/>; take it before reading, then await it.</summary>
    public Task NextChange(EntityKey key) => _entities.GetOrAdd(key, static _ => NewSource()).Task;

    /// <summary>A task that completes at the next append to any entity.</summary>
    public Task NextAppend() => Volatile.Read(ref _any).Task;

    public void Appended(EntityKey key)
    {
        if (_entities.TryRemove(key, out var waiting))
        {
            waiting.TrySetResult();
        }

        Interlocked.Exchange(ref _any, NewSource()).TrySetResult();
    }

    private static TaskCompletionSource NewSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
