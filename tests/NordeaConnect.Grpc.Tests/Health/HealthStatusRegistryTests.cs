using NordeaConnect.Grpc.Health;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace NordeaConnect.Grpc.Tests.Health;

public sealed class HealthStatusRegistryTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public void The_server_as_a_whole_starts_SERVING_and_others_are_unknown()
    {
        var registry = new HealthStatusRegistry();

        Assert.True(registry.TryGetStatus(string.Empty, out var overall));
        Assert.Equal(ServingStatus.Serving, overall);
        Assert.False(registry.TryGetStatus("payments", out _));
    }

    [Fact]
    public async Task A_watcher_sees_the_current_status_then_changes_then_SERVICE_UNKNOWN_when_cleared()
    {
        var registry = new HealthStatusRegistry();
        registry.SetStatus("payments", ServingStatus.Serving);
        using var cts = new CancellationTokenSource();
        await using var watch = registry.WatchAsync("payments", cts.Token).GetAsyncEnumerator(cts.Token);

        Assert.True(await watch.MoveNextAsync().AsTask().WaitAsync(Patience));
        Assert.Equal(ServingStatus.Serving, watch.Current);

        registry.SetStatus("payments", ServingStatus.NotServing);
        Assert.True(await watch.MoveNextAsync().AsTask().WaitAsync(Patience));
        Assert.Equal(ServingStatus.NotServing, watch.Current);

        registry.ClearStatus("payments");
        Assert.True(await watch.MoveNextAsync().AsTask().WaitAsync(Patience));
        Assert.Equal(ServingStatus.ServiceUnknown, watch.Current);
        Assert.False(registry.TryGetStatus("payments", out _));
    }

    [Fact]
    public async Task A_slow_watcher_gets_the_latest_status_not_a_backlog()
    {
        var registry = new HealthStatusRegistry();
        using var cts = new CancellationTokenSource();
        await using var watch = registry.WatchAsync("payments", cts.Token).GetAsyncEnumerator(cts.Token);
        Assert.True(await watch.MoveNextAsync().AsTask().WaitAsync(Patience));

        registry.SetStatus("payments", ServingStatus.Serving);
        registry.SetStatus("payments", ServingStatus.NotServing);
        registry.SetStatus("payments", ServingStatus.Serving);

        Assert.True(await watch.MoveNextAsync().AsTask().WaitAsync(Patience));
        Assert.Equal(ServingStatus.Serving, watch.Current);
    }

    [Fact]
    public async Task Other_services_changes_do_not_reach_a_watcher()
    {
        var registry = new HealthStatusRegistry();
        using var cts = new CancellationTokenSource();
        await using var watch = registry.WatchAsync("payments", cts.Token).GetAsyncEnumerator(cts.Token);
        Assert.True(await watch.MoveNextAsync().AsTask().WaitAsync(Patience));

        registry.SetStatus("refunds", ServingStatus.NotServing);
        registry.SetStatus("payments", ServingStatus.Serving);

        Assert.True(await watch.MoveNextAsync().AsTask().WaitAsync(Patience));
        Assert.Equal(ServingStatus.Serving, watch.Current);
    }
}
