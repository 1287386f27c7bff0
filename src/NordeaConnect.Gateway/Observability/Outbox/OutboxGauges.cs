using System.Diagnostics.Metrics;
using Microsoft.Extensions.Options;
using Npgsql;
using NordeaConnect.Gateway.Notifications;
using NordeaConnect.Gateway.Notifications.Postgres;

namespace NordeaConnect.Gateway.Observability.Outbox;

/// <summary>
/// Gauges of the notification outbox in PostgreSQL, under the meter <c>NordeaConnect.Gateway.Outbox</c>: deliveries
/// waiting (depth) and dead letters held, counted by one indexed query per scrape, so every node reports the shared
/// outbox's current state. Not registered for the memory outbox (one node; its dead letters are counted as they happen).
/// </summary>
internal sealed partial class OutboxGauges : IHostedService, IDisposable
{
    public const string MeterName = "NordeaConnect.Gateway.Outbox";

    private readonly NpgsqlDataSource _dataSource;
    private readonly string _query;
    private readonly ILogger<OutboxGauges> _logger;
    private readonly Meter _meter;
    private int _failuresLogged;

    public OutboxGauges(IOptions<NotificationOptions> options, IMeterFactory meters, ILogger<OutboxGauges> logger)
    {
        var settings = options.Value;
        // A short timeout: a scrape waits for this query, and a slow database must not make the scrape time out.
        var builder = new NpgsqlDataSourceBuilder(new NpgsqlConnectionStringBuilder(settings.PostgresConnectionString) { CommandTimeout = 2, Timeout = 2 }.ConnectionString);
        // A scrape is not a call: its count would start a trace of its own every time.
        builder.ConfigureTracing(tracing => tracing.ConfigureCommandFilter(static _ => false).EnablePhysicalOpenTracing(false));
        _dataSource = builder.Build();
        _query = "select state, count(*) from " + NotificationSchemaMigrator.Quote(settings.PostgresSchema) + ".notification_deliveries where state in ('pending', 'dead') group by state";
        _logger = logger;
        _meter = meters.Create(MeterName);
        _meter.CreateObservableGauge("nordeaconnect.gateway.notifications.outbox.depth", () => Observe("pending"), "{delivery}", "Notification deliveries waiting to be sent (new, or failed and due again) in the shared outbox.");
        _meter.CreateObservableGauge("nordeaconnect.gateway.notifications.outbox.dead", () => Observe("dead"), "{delivery}", "Notification deliveries given up on and still held in the shared outbox (until retention purges them).");
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose()
    {
        _meter.Dispose();
        _dataSource.Dispose();
    }

    private IEnumerable<Measurement<long>> Observe(string state)
    {
        try
        {
            using var command = _dataSource.CreateCommand(_query);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                if (reader.GetString(0) == state)
                {
                    return [new Measurement<long>(reader.GetInt64(1))];
                }
            }

            return [new Measurement<long>(0)];
        }
        catch (NpgsqlException failure)
        {
            // No value rather than a wrong one; one line, not one per scrape.
            if (Interlocked.Exchange(ref _failuresLogged, 1) == 0)
            {
                LogUnreadable(_logger, failure);
            }

            return [];
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The notification outbox could not be counted for /metrics; its gauges are left out until it can")]
    private static partial void LogUnreadable(ILogger logger, Exception failure);
}
