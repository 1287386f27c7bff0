using NordeaConnect.Grains.Runtime.Storage;
using NordeaConnect.Grains.Runtime.Tests.Grains;
using NordeaConnect.Grains.Runtime.Tests.Infrastructure;

namespace NordeaConnect.Grains.Runtime.Tests.Postgres;

/// <summary>Two runtimes in this process acting as two nodes on one PostgreSQL schema.</summary>
public sealed class PostgresNodeTests : IAsyncLifetime
{
    private readonly PostgresDatabase _database = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task State_is_stored_as_jsonb_with_its_version_and_survives_reactivation()
    {
        await using var node = _database.CreateNode();
        var counter = node.Grains.GetGrain<ICounterGrain>("stored");
        await counter.IncrementAsync();
        await counter.IncrementAsync();

        Assert.Equal(1, await node.Collector.CollectIdleAsync(TimeSpan.Zero).Within());

        Assert.Equal(3, await counter.IncrementAsync().Within());
        Assert.Equal("3", await counter.GetEtagAsync());
        Assert.Equal(3, await _database.ScalarAsync<int>("select (state->>'value')::int from {schema}.grain_state where grain_type = 'counter' and grain_key = 'stored'"));
        Assert.Equal(3L, await _database.ScalarAsync<long>("select version from {schema}.grain_state where grain_type = 'counter' and grain_key = 'stored'"));
    }

    [Fact]
    public async Task Write_with_a_stale_etag_fails_and_the_activation_reloads_before_its_next_turn()
    {
        await using var node = _database.CreateNode();
        var counter = node.Grains.GetGrain<ICounterGrain>("stale");
        await counter.IncrementAsync();

        // Changed behind the node's back, without a notification.
        await _database.ExecuteAsync("""update {schema}.grain_state set state = '{"value": 40}', version = version + 1 where grain_key = 'stale'""");

        var error = await Assert.ThrowsAsync<InconsistentStateException>(() => counter.IncrementAsync().Within());
        Assert.Equal(1, error.ExpectedVersion);
        Assert.Equal(2, error.StoredVersion);
        Assert.Contains("counter/stale", error.Message, StringComparison.Ordinal);

        Assert.Equal(40, await counter.GetAsync().Within());
        Assert.Equal(41, await counter.IncrementAsync().Within());
    }

    [Fact]
    public async Task Thousand_exclusive_increments_split_across_two_nodes_end_at_exactly_one_thousand()
    {
        // 500 calls queue on each node: generous queue bounds keep a loaded CI machine from turning slowness into failure.
        static void Patient(GrainRuntimeOptions options) => options.QueueTimeout = TimeSpan.FromMinutes(5);
        await using var first = _database.CreateNode(runtime: Patient);
        await using var second = _database.CreateNode(runtime: Patient);
        var onFirst = first.Grains.GetGrain<IExclusiveCounterGrain>("shared");
        var onSecond = second.Grains.GetGrain<IExclusiveCounterGrain>("shared");

        var results = await Task.WhenAll(Enumerable.Range(0, 1000)
            .Select(i => (i % 2 == 0 ? onFirst : onSecond).IncrementExclusiveAsync()))
            .Within(300);

        // Every turn saw the one before it, whichever node ran it.
        Assert.Equal(Enumerable.Range(1, 1000), results.Order());
        Assert.Equal(1000, await _database.ScalarAsync<int>("select (state->>'value')::int from {schema}.grain_state where grain_key = 'shared'"));
        Assert.Equal(1000L, await _database.ScalarAsync<long>("select version from {schema}.grain_state where grain_key = 'shared'"));
    }

    [Fact]
    public async Task An_exclusive_activation_waits_for_an_exclusive_turn_on_the_other_node()
    {
        await using var first = _database.CreateNode();
        await using var second = _database.CreateNode();
        var key = TestGates.NewName("journaling");
        var (entered, release) = (TestGates.NewName("entered"), TestGates.NewName("release"));

        var holding = first.Grains.GetGrain<IJournalingGrain>(key).HoldAsync(entered, release);
        await TestGates.WaitAsync(entered).Within();
        var activatingElsewhere = second.Grains.GetGrain<IJournalingGrain>(key).PingAsync();

        // Gives an activation that ignored the lock time to show itself; with the lock it cannot finish meanwhile.
        await Task.WhenAny(activatingElsewhere, Task.Delay(TimeSpan.FromMilliseconds(500)));
        TestGates.Open(release);
        await Task.WhenAll(holding, activatingElsewhere).Within();

        // Without the lock the second node would activate while the first node's turn still ran.
        Assert.Equal(["activated", "turn started", "turn ended", "activated"], JournalingGrain.Events[key]);
    }

    [Fact]
    public async Task Write_on_one_node_invalidates_the_cached_state_on_the_other_through_notify()
    {
        await using var reader = _database.CreateNode(o => o.StalenessBound = TimeSpan.FromHours(1));
        await using var writer = _database.CreateNode(o => o.StalenessBound = TimeSpan.FromHours(1));
        await PostgresDatabase.ListeningStorageAsync(reader);
        var cached = reader.Grains.GetGrain<ICounterGrain>("notified");
        Assert.Equal(0, await cached.GetAsync());

        for (var i = 0; i < 3; i++)
        {
            await writer.Grains.GetGrain<ICounterGrain>("notified").IncrementAsync();
        }

        // With a one-hour staleness bound only the notification can make the reader look again.
        Assert.Equal(3, await Eventually.EqualAsync(3, cached.GetAsync, "the reader's cached counter"));
        Assert.Equal("3", await cached.GetEtagAsync());
        Assert.Equal(4, await cached.IncrementAsync().Within());
    }

    [Fact]
    public async Task Exclusive_turn_reloads_state_another_writer_changed_even_without_a_notification()
    {
        await using var node = _database.CreateNode(o => o.StalenessBound = TimeSpan.FromHours(1));
        var counter = node.Grains.GetGrain<ICounterGrain>("silent");
        Assert.Equal(1, await counter.IncrementAsync());
        await _database.ExecuteAsync("""update {schema}.grain_state set state = '{"value": 40}', version = version + 1 where grain_key = 'silent'""");

        Assert.Equal(41, await node.Grains.GetGrain<IExclusiveCounterGrain>("silent").IncrementExclusiveAsync().Within());
    }

    [Fact]
    public async Task Exclusive_turn_waits_a_bounded_time_for_another_nodes_lock_which_is_released_after_the_turn()
    {
        await using var holder = _database.CreateNode();
        await using var waiter = _database.CreateNode(o => o.LockTimeout = TimeSpan.FromMilliseconds(300));
        var started = TestGates.NewName("locked");
        var release = TestGates.NewName("unlock");
        var holding = holder.Grains.GetGrain<IExclusiveCounterGrain>("locked").HoldLockAsync(started, release, CancellationToken.None);
        await TestGates.WaitAsync(started).Within();

        var error = await Assert.ThrowsAsync<GrainLockTimeoutException>(() => waiter.Grains.GetGrain<IExclusiveCounterGrain>("locked").IncrementExclusiveAsync().Within());
        Assert.Equal("counter/locked", error.GrainId.ToString());
        Assert.Contains("another node", error.Message, StringComparison.Ordinal);

        TestGates.Open(release);
        await holding.Within();
        Assert.Equal(1, await waiter.Grains.GetGrain<IExclusiveCounterGrain>("locked").IncrementExclusiveAsync().Within());
    }

    [Fact]
    public async Task Exclusive_lock_is_released_when_the_turn_throws_or_is_canceled()
    {
        await using var first = _database.CreateNode();
        await using var second = _database.CreateNode(o => o.LockTimeout = TimeSpan.FromSeconds(5));
        var onFirst = first.Grains.GetGrain<IExclusiveCounterGrain>("released");
        var onSecond = second.Grains.GetGrain<IExclusiveCounterGrain>("released");

        await Assert.ThrowsAsync<InvalidOperationException>(() => onFirst.FailExclusiveAsync().Within());
        Assert.Equal(1, await onSecond.IncrementExclusiveAsync().Within());

        var started = TestGates.NewName("held");
        using var caller = new CancellationTokenSource();
        var holding = onFirst.HoldLockAsync(started, TestGates.NewName("never"), caller.Token);
        await TestGates.WaitAsync(started).Within();
        await caller.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => holding.Within());
        Assert.Equal(2, await onSecond.IncrementExclusiveAsync().Within());
        Assert.Equal(3, await onFirst.IncrementExclusiveAsync().Within());
    }

    [Fact]
    public async Task While_the_listener_is_down_cached_state_older_than_the_bound_is_rechecked_and_the_listener_comes_back()
    {
        var clock = new ManualTimeProvider();
        await using var reader = _database.CreateNode(
            o =>
            {
                o.StalenessBound = TimeSpan.FromSeconds(30);
                o.ListenerReconnectDelay = TimeSpan.FromSeconds(10);
            },
            timeProvider: clock);
        await using var writer = _database.CreateNode();
        var storage = await PostgresDatabase.ListeningStorageAsync(reader);
        var cached = reader.Grains.GetGrain<ICounterGrain>("fallback");
        Assert.Equal(0, await cached.GetAsync());

        var firstListener = await _database.ScalarAsync<int>("select pid from pg_stat_activity where application_name = 'nordeaconnect-grains-listener' and pid = " + storage.ListenerProcessId);
        Assert.True(await _database.ScalarAsync<bool>("select pg_terminate_backend(" + firstListener + ")"));
        await Eventually.TrueAsync(() => storage.ListenerProcessId != firstListener, "the listener to notice the drop");
        await writer.Grains.GetGrain<ICounterGrain>("fallback").IncrementAsync();

        // Nothing tells the reader of that write: within the bound it serves its cache, past the bound it asks storage.
        Assert.Equal(0, await cached.GetAsync().Within());
        Assert.Null(storage.ListeningSince);
        clock.Advance(TimeSpan.FromSeconds(31));
        Assert.Equal(1, await cached.GetAsync().Within());

        await Eventually.TrueAsync(() => storage.ListeningSince is not null && storage.ListenerProcessId is not 0 && storage.ListenerProcessId != firstListener, "the listener to reconnect");
        await writer.Grains.GetGrain<ICounterGrain>("fallback").IncrementAsync();
        Assert.Equal(2, await Eventually.EqualAsync(2, cached.GetAsync, "the reader's counter after reconnection"));
    }

    [Fact]
    public async Task Clear_keeps_the_version_sequence_and_other_nodes_see_the_cleared_state()
    {
        await using var first = _database.CreateNode();
        await using var second = _database.CreateNode();
        await PostgresDatabase.ListeningStorageAsync(second);
        var onFirst = first.Grains.GetGrain<ICounterGrain>("cleared");
        var onSecond = second.Grains.GetGrain<ICounterGrain>("cleared");
        await onFirst.IncrementAsync();
        await onFirst.IncrementAsync();
        Assert.Equal(2, await onSecond.GetAsync());

        await onFirst.ClearAsync();

        Assert.False(await onFirst.RecordExistsAsync());
        Assert.Equal("3", await onFirst.GetEtagAsync());
        Assert.True(await _database.ScalarAsync<bool>("select state is null from {schema}.grain_state where grain_key = 'cleared'"));
        Assert.Equal(0, await Eventually.EqualAsync(0, onSecond.GetAsync, "the second node's cleared counter"));
        Assert.False(await onSecond.RecordExistsAsync());
        Assert.Equal(1, await onSecond.IncrementAsync().Within());
        Assert.Equal(4L, await _database.ScalarAsync<long>("select version from {schema}.grain_state where grain_key = 'cleared'"));
    }

    [Fact]
    public async Task First_write_racing_another_first_write_is_a_conflict()
    {
        await using var node = _database.CreateNode();
        var storage = await PostgresDatabase.ListeningStorageAsync(node);
        var key = new GrainStateKey(new GrainId("counter", "first-write"), "counter");

        Assert.Equal(1, await storage.WriteAsync(key, """{"value": 1}""", 0, CancellationToken.None));
        var error = await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteAsync(key, """{"value": 2}""", 0, CancellationToken.None));

        Assert.Equal(0, error.ExpectedVersion);
        Assert.Equal(1, error.StoredVersion);
        Assert.Contains("version 0", error.Message, StringComparison.Ordinal);
        var clearError = await Assert.ThrowsAsync<InconsistentStateException>(() => storage.ClearAsync(key, 0, CancellationToken.None));
        Assert.Equal(1, clearError.StoredVersion);
    }

    [Fact]
    public async Task Lock_waits_conflicts_and_invalidations_are_measured()
    {
        await using var first = _database.CreateNode();
        await using var second = _database.CreateNode();
        await PostgresDatabase.ListeningStorageAsync(first);
        using var totals = new MetricTotals(first);
        var counter = first.Grains.GetGrain<ICounterGrain>("measured");
        await counter.IncrementAsync();

        await first.Grains.GetGrain<IExclusiveCounterGrain>("measured").IncrementExclusiveAsync();
        await _database.ExecuteAsync("""update {schema}.grain_state set version = version + 1 where grain_key = 'measured'""");
        await Assert.ThrowsAsync<InconsistentStateException>(() => counter.IncrementAsync());
        await second.Grains.GetGrain<ICounterGrain>("measured").IncrementAsync();

        Assert.Equal(1, totals["nordeaconnect.grains.lock.wait.count"]);
        Assert.Equal(1, totals["nordeaconnect.grains.storage.conflicts"]);
        await Eventually.TrueAsync(() => totals["nordeaconnect.grains.state.invalidations"] >= 1, "an invalidation to be counted");
    }

    [Fact]
    public async Task Many_exclusive_turns_on_different_grains_do_not_starve_their_own_storage_operations()
    {
        // A small pool: if lock connections and state reads/writes shared it, every connection could end up holding a
        // lock while waiting for another connection to read its state.
        await using var node = TestNode.Create(
            null,
            null,
            builder => builder.UsePostgresGrainStorage(PostgresDatabase.ConnectionString + ";Maximum Pool Size=4;Timeout=5", options =>
            {
                options.Schema = _database.Schema;
                options.MaxLockConnections = 4;
            }));

        var results = await Task.WhenAll(Enumerable.Range(0, 40)
            .Select(i => node.Grains.GetGrain<IExclusiveCounterGrain>("pool-" + i).IncrementExclusiveAsync()))
            .Within(120);

        Assert.All(results, value => Assert.Equal(1, value));
    }
}
