using Npgsql;
using NordeaConnect.Gateway.Observability.Health;
using NordeaConnect.Gateway.Tests.Notifications.Infrastructure;

namespace NordeaConnect.Gateway.Tests.Observability;

public sealed class ReadinessTests
{
    [Fact]
    public async Task Readiness_turns_false_when_PostgreSQL_becomes_unreachable()
    {
        var real = new NpgsqlConnectionStringBuilder(TestPostgres.ConnectionString);
        var relay = new TcpForwarder(real.Host!, real.Port);
        var viaRelay = new NpgsqlConnectionStringBuilder(TestPostgres.ConnectionString) { Host = "127.0.0.1", Port = relay.Port }.ConnectionString;
        var probe = new ReadinessProbe([new PostgresReadinessCheck(viaRelay)], TimeProvider.System, TimeSpan.Zero);

        var before = await probe.CheckAsync();
        await relay.DisposeAsync();
        var after = await probe.CheckAsync();

        Assert.True(before.IsReady, before.Problems["postgres"]);
        Assert.False(after.IsReady);
        Assert.StartsWith("PostgreSQL is unreachable", after.Problems["postgres"], StringComparison.Ordinal);
        Assert.DoesNotContain(real.Password!, after.Problems["postgres"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upstream_check_reports_a_closed_port()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        var check = new UpstreamReadinessCheck(new Uri("http://127.0.0.1:" + port.ToString(System.Globalization.CultureInfo.InvariantCulture) + "/"));

        var open = await check.ProblemAsync(CancellationToken.None);
        listener.Stop();
        var closed = await check.ProblemAsync(CancellationToken.None);

        Assert.Null(open);
        Assert.Equal("Nordea Connect at 127.0.0.1 is unreachable (ConnectionRefused)", closed);
    }

    [Fact]
    public async Task Reports_are_cached_and_shared_until_they_expire()
    {
        var check = new CountingCheck();
        var time = new ManualTime(DateTimeOffset.Parse("2026-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var probe = new ReadinessProbe([check], time, TimeSpan.FromSeconds(2));

        await Task.WhenAll(probe.CheckAsync(), probe.CheckAsync(), probe.CheckAsync());
        time.Now += TimeSpan.FromSeconds(1);
        await probe.CheckAsync();
        Assert.Equal(1, check.Runs);

        time.Now += TimeSpan.FromSeconds(1);
        await probe.CheckAsync();
        Assert.Equal(2, check.Runs);
    }

    private sealed class CountingCheck : IReadinessCheck
    {
        private int _runs;

        public int Runs => Volatile.Read(ref _runs);

        public string Name => "counting";

        public async Task<string?> ProblemAsync(CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _runs);
            await Task.Yield();
            return null;
        }
    }

    private sealed class ManualTime(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
