using System.Text.Json;
using Microsoft.Extensions.Logging;
using Npgsql;
using NordeaConnect.Grains.Runtime.Storage;

namespace NordeaConnect.Grains.Runtime.Postgres;

/// <summary>
/// Holds one unpooled connection that LISTENs on the schema's channel and passes each write announced by any node
/// (payload {"t": type, "k": key, "s": state, "v": version}) to the runtime. When the connection drops it reconnects
/// after a pause; while it is down <see cref="ListeningSince"/> is null and caches fall back to the staleness bound.
/// </summary>
internal sealed class PostgresChangeListener : IAsyncDisposable
{
    private readonly PostgresGrainStorageOptions _options;
    private readonly GrainStateInvalidations _invalidations;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stopping = new();
    private readonly string _connectionString;
    private readonly TimeSpan _probeInterval;
    private Task _loop = Task.CompletedTask;
    private long _listeningSinceTicks;
    private int _processId;

    private PostgresChangeListener(PostgresGrainStorageOptions options, GrainStateInvalidations invalidations, TimeProvider timeProvider, ILogger logger)
    {
        _options = options;
        _invalidations = invalidations;
        _timeProvider = timeProvider;
        _logger = logger;
        // A silently dead connection must be noticed well within the staleness bound: when no notification arrived for
        // a quarter of it, the listener asks the server for a round trip that may take at most another quarter.
        _probeInterval = TimeSpan.FromSeconds(Math.Clamp(options.StalenessBound.TotalSeconds / 4, 1, 30));
        var builder = new NpgsqlConnectionStringBuilder(options.ConnectionString)
        {
            Pooling = false,
            ApplicationName = "nordeaconnect-grains-listener",
        };
        _connectionString = builder.ConnectionString;
    }

    /// <summary>When the current LISTEN started; null while the listener is down.</summary>
    public DateTimeOffset? ListeningSince
    {
        get
        {
            var ticks = Volatile.Read(ref _listeningSinceTicks);
            return ticks == 0 ? null : new DateTimeOffset(ticks, TimeSpan.Zero);
        }
    }

    /// <summary>The server process id of the current listening connection (for diagnostics and tests); 0 while down.</summary>
    public int ProcessId
    {
        get => Volatile.Read(ref _processId);
        private set => Volatile.Write(ref _processId, value);
    }

    public static PostgresChangeListener Start(PostgresGrainStorageOptions options, GrainStateInvalidations invalidations, TimeProvider timeProvider, ILogger logger)
    {
        var listener = new PostgresChangeListener(options, invalidations, timeProvider, logger);
        using (ExecutionContext.SuppressFlow())
        {
            listener._loop = Task.Run(listener.RunAsync);
        }

        return listener;
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        await _loop.ConfigureAwait(false);
        _stopping.Dispose();
    }

    private async Task RunAsync()
    {
        var token = _stopping.Token;
        while (!token.IsCancellationRequested)
        {
            try
            {
                await ListenAsync(token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                Volatile.Write(ref _listeningSinceTicks, 0);
                ProcessId = 0;
                _logger.LogWarning(exception, "Grain state listener on channel {Channel} dropped; cached states are re-checked after {StalenessBound} until it reconnects", _options.NotificationChannel, _options.StalenessBound);
            }

            try
            {
                await Task.Delay(_options.ListenerReconnectDelay, _timeProvider, token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task ListenAsync(CancellationToken token)
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        try
        {
            await connection.OpenAsync(token).ConfigureAwait(false);
            connection.Notification += OnNotification;
            await using (var listen = new NpgsqlCommand("listen " + PostgresSchemaMigrator.Quote(_options.NotificationChannel), connection))
            {
                await listen.ExecuteNonQueryAsync(token).ConfigureAwait(false);
            }

            ProcessId = connection.ProcessID;
            Volatile.Write(ref _listeningSinceTicks, _timeProvider.GetUtcNow().UtcTicks);
            _logger.LogDebug("Grain state listener listening on channel {Channel}", _options.NotificationChannel);
            while (true)
            {
                if (!await connection.WaitAsync(_probeInterval, token).ConfigureAwait(false))
                {
                    await using var probe = new NpgsqlCommand("select 1", connection) { CommandTimeout = (int)_probeInterval.TotalSeconds };
                    await probe.ExecuteNonQueryAsync(token).ConfigureAwait(false);
                }
            }
        }
        finally
        {
            Volatile.Write(ref _listeningSinceTicks, 0);
            ProcessId = 0;
            connection.Notification -= OnNotification;
        }
    }

    private void OnNotification(object sender, NpgsqlNotificationEventArgs notification)
    {
        try
        {
            using var payload = JsonDocument.Parse(notification.Payload);
            var root = payload.RootElement;
            var grainId = new GrainId(root.GetProperty("t").GetString()!, root.GetProperty("k").GetString()!);
            var key = new GrainStateKey(grainId, root.GetProperty("s").GetString()!);
            _invalidations.Publish(key, root.GetProperty("v").GetInt64());
        }
        catch (Exception exception) when (exception is JsonException or KeyNotFoundException or InvalidOperationException or ArgumentException)
        {
            _logger.LogWarning(exception, "Ignored a malformed grain state notification on channel {Channel}", _options.NotificationChannel);
        }
    }
}
