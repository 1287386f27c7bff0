using System.Threading.Channels;
using Grpc.Health.V1;

namespace NordeaConnect.Grpc.Health;

/// <summary>
/// The serving status of each named service, as reported by <c>grpc.health.v1.Health</c>. The empty name stands
/// for the server as a whole and starts as SERVING; other names are unknown until set.
/// </summary>
public sealed class HealthStatusRegistry
{
    private readonly Dictionary<string, HealthCheckResponse.Types.ServingStatus> _statuses = new(StringComparer.Ordinal)
    {
        [string.Empty] = HealthCheckResponse.Types.ServingStatus.Serving,
    };

    private readonly List<Watcher> _watchers = [];
    private readonly Lock _lock = new();

    public void SetStatus(string service, HealthCheckResponse.Types.ServingStatus status)
    {
        ArgumentNullException.ThrowIfNull(service);
        lock (_lock)
        {
            _statuses[service] = status;
            Notify(service, status);
        }
    }

    /// <summary>Forgets a service; Check then answers NOT_FOUND and watchers see SERVICE_UNKNOWN.</summary>
    public void ClearStatus(string service)
    {
        ArgumentNullException.ThrowIfNull(service);
        lock (_lock)
        {
            if (_statuses.Remove(service))
            {
                Notify(service, HealthCheckResponse.Types.ServingStatus.ServiceUnknown);
            }
        }
    }

    public bool TryGetStatus(string service, out HealthCheckResponse.Types.ServingStatus status)
    {
        lock (_lock)
        {
            return _statuses.TryGetValue(service, out status);
        }
    }

    /// <summary>
    /// The current status of <paramref name="service"/> and then each change, until cancelled. A slow reader only
    /// ever sees the latest status (intermediate ones are dropped), which is what a health watcher needs.
    /// </summary>
    public async IAsyncEnumerable<HealthCheckResponse.Types.ServingStatus> WatchAsync(
        string service,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var channel = Channel.CreateBounded<HealthCheckResponse.Types.ServingStatus>(
            new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
        var watcher = new Watcher(service, channel.Writer);
        lock (_lock)
        {
            channel.Writer.TryWrite(_statuses.TryGetValue(service, out var current) ? current : HealthCheckResponse.Types.ServingStatus.ServiceUnknown);
            _watchers.Add(watcher);
        }

        try
        {
            while (await channel.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                while (channel.Reader.TryRead(out var status))
                {
                    yield return status;
                }
            }
        }
        finally
        {
            lock (_lock)
            {
                _watchers.Remove(watcher);
            }
        }
    }

    private void Notify(string service, HealthCheckResponse.Types.ServingStatus status)
    {
        foreach (var watcher in _watchers)
        {
            if (watcher.Service == service)
            {
                watcher.Writer.TryWrite(status);
            }
        }
    }

    private sealed record Watcher(string Service, ChannelWriter<HealthCheckResponse.Types.ServingStatus> Writer);
}
