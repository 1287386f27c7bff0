using System.Threading.Channels;
using NordeaConnect.Gateway.Notifications.Outbox;

namespace NordeaConnect.Gateway.Notifications.Dispatch;

/// <summary>
/// One receiver's own queue and workers: a slow or dead receiver fills only its own queue and ties up only its own
/// workers, never another receiver's or the callers that changed the entities.
/// </summary>
internal sealed class ReceiverQueue
{
    private readonly Channel<NotificationDelivery> _queue;
    private readonly Task[] _workers;
    private readonly Func<NotificationDelivery, Task> _giveBack;

    /// <param name="giveBack">Returns a delivery that was queued but not attempted when the dispatcher stops.</param>
    public ReceiverQueue(int capacity, int concurrency, Func<NotificationDelivery, CancellationToken, Task> deliver, Func<NotificationDelivery, Task> giveBack, CancellationToken stopping)
    {
        _giveBack = giveBack;
        _queue = Channel.CreateBounded<NotificationDelivery>(new BoundedChannelOptions(capacity) { FullMode = BoundedChannelFullMode.Wait });
        _workers = new Task[concurrency];
        for (var i = 0; i < concurrency; i++)
        {
            _workers[i] = Task.Run(async () =>
            {
                try
                {
                    await foreach (var delivery in _queue.Reader.ReadAllAsync(stopping).ConfigureAwait(false))
                    {
                        await deliver(delivery, stopping).ConfigureAwait(false);
                    }
                }
                catch (OperationCanceledException) when (stopping.IsCancellationRequested)
                {
                    // Stopping: what is still queued is given back in StopAsync.
                }
            }, CancellationToken.None);
        }
    }

    /// <summary>False when the queue is full; the caller gives the delivery back to the outbox.</summary>
    public bool TryEnqueue(NotificationDelivery delivery) => _queue.Writer.TryWrite(delivery);

    public async Task StopAsync()
    {
        _queue.Writer.TryComplete();
        await Task.WhenAll(_workers).ConfigureAwait(false);
        // Given back at once, so a restarted or other node resumes them without waiting for their leases to expire.
        while (_queue.Reader.TryRead(out var delivery))
        {
            await _giveBack(delivery).ConfigureAwait(false);
        }
    }
}
