using Microsoft.Extensions.DependencyInjection;
using NordeaConnect.Grains.Runtime.Storage;
using NordeaConnect.Grains.Runtime.Tests.Grains;
using NordeaConnect.Grains.Runtime.Tests.Infrastructure;

namespace NordeaConnect.Grains.Runtime.Tests;

public sealed class StateTests
{
    [Fact]
    public async Task Etag_follows_the_stored_version_and_clear_keeps_the_sequence()
    {
        await using var node = TestNode.Create();
        var counter = node.Grains.GetGrain<ICounterGrain>("etag");

        Assert.Null(await counter.GetEtagAsync());
        Assert.False(await counter.RecordExistsAsync());
        await counter.IncrementAsync();
        await counter.IncrementAsync();
        Assert.Equal("2", await counter.GetEtagAsync());
        Assert.True(await counter.RecordExistsAsync());

        await counter.ClearAsync();

        Assert.Equal("3", await counter.GetEtagAsync());
        Assert.False(await counter.RecordExistsAsync());
        Assert.Equal(0, await counter.GetAsync());
        Assert.Equal(1, await counter.IncrementAsync());
        Assert.Equal("4", await counter.GetEtagAsync());
    }

    [Fact]
    public async Task Write_with_a_stale_etag_fails_naming_grain_and_versions_and_the_next_turn_sees_storage()
    {
        await using var node = TestNode.Create();
        var counter = node.Grains.GetGrain<ICounterGrain>("conflict");
        await counter.IncrementAsync();

        // Someone else writes version 2 behind the activation's back.
        var storage = node.Services.GetRequiredService<IGrainStorage>();
        await storage.WriteAsync(new GrainStateKey(counter.GetGrainId(), "counter"), """{"value":40}""", 1, CancellationToken.None);

        var error = await Assert.ThrowsAsync<InconsistentStateException>(() => counter.IncrementAsync().Within());

        Assert.Equal(counter.GetGrainId(), error.GrainId);
        Assert.Equal(1, error.ExpectedVersion);
        Assert.Equal(2, error.StoredVersion);
        Assert.Contains("counter/conflict", error.Message, StringComparison.Ordinal);
        Assert.Contains("version 1", error.Message, StringComparison.Ordinal);
        Assert.Contains("version 2", error.Message, StringComparison.Ordinal);
        Assert.Equal(40, await counter.GetAsync());
        Assert.Equal(41, await counter.IncrementAsync());
    }

    [Fact]
    public async Task Immutable_positional_record_with_source_generated_type_info_round_trips_through_with()
    {
        await using var node = TestNode.Create();
        var profile = node.Grains.GetGrain<IProfileGrain>("ada");

        Assert.Null(await profile.GetAsync());
        await profile.VisitAsync("first");
        var second = await profile.VisitAsync("second");

        Assert.Equal("ada", second.Name);
        Assert.Equal(2, second.Visits);
        Assert.Equal(["first", "second"], second.Tags);
        Assert.Equal(1, await node.Collector.CollectIdleAsync(TimeSpan.Zero).Within());
        var reloaded = await profile.GetAsync();
        Assert.Equal(second.Tags, reloaded!.Tags);
        Assert.Equal(2, reloaded.Visits);
    }

    [Fact]
    public async Task LastReadAt_tells_when_the_cache_was_last_known_to_equal_storage()
    {
        var clock = new ManualTimeProvider();
        await using var node = TestNode.Create(timeProvider: clock);
        var counter = node.Grains.GetGrain<ICounterGrain>("last-read");
        var activatedAt = clock.GetUtcNow();

        Assert.Equal(activatedAt, await counter.LastReadAtAsync());
        clock.Advance(TimeSpan.FromMinutes(3));
        Assert.Equal(activatedAt, await counter.LastReadAtAsync());

        await counter.IncrementAsync();

        Assert.Equal(activatedAt + TimeSpan.FromMinutes(3), await counter.LastReadAtAsync());
    }
}
