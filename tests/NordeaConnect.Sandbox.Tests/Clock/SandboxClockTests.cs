using NordeaConnect.Sandbox.Clock;

namespace NordeaConnect.Sandbox.Tests.Clock;

public sealed class SandboxClockTests
{
    private static readonly DateTimeOffset Start = new(2030, 1, 31, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_frozen_clock_shows_the_same_instant_until_moved()
    {
        using var clock = new SandboxClock(Start, frozen: true);
        Thread.Sleep(20);
        Assert.Equal(Start, clock.GetUtcNow());
        Assert.True(clock.IsFrozen);

        Assert.Equal(Start.AddDays(1), clock.Advance(TimeSpan.FromDays(1)));
        Assert.Equal(Start.AddDays(1), clock.GetUtcNow());
        Assert.Equal(Start.AddMonths(1), clock.SetTo(Start.AddMonths(1)));
        Assert.Equal(Start.AddMonths(1), clock.GetUtcNow());
    }

    [Fact]
    public void A_running_clock_follows_real_time_from_its_start()
    {
        using var clock = new SandboxClock(Start, frozen: false);
        var first = clock.GetUtcNow();
        Thread.Sleep(20);
        var second = clock.GetUtcNow();
        Assert.True(first >= Start && first < Start.AddMinutes(1));
        Assert.True(second > first);
        Assert.False(clock.IsFrozen);
    }

    [Fact]
    public void A_default_clock_shows_real_time()
    {
        using var clock = new SandboxClock();
        var real = DateTimeOffset.UtcNow;
        Assert.InRange(clock.GetUtcNow(), real.AddMinutes(-1), real.AddMinutes(1));
        Assert.Equal(TimeZoneInfo.Utc, clock.LocalTimeZone);
    }

    [Fact]
    public void Resuming_continues_from_the_frozen_instant()
    {
        using var clock = new SandboxClock(Start, frozen: true);
        clock.Advance(TimeSpan.FromHours(5));
        clock.Resume();
        Thread.Sleep(20);
        var now = clock.GetUtcNow();
        Assert.True(now > Start.AddHours(5) && now < Start.AddHours(5).AddMinutes(1));
        clock.Freeze();
        var frozen = clock.GetUtcNow();
        Thread.Sleep(20);
        Assert.Equal(frozen, clock.GetUtcNow());
    }

    [Fact]
    public void The_clock_never_goes_back()
    {
        using var clock = new SandboxClock(Start, frozen: true);
        var negative = Assert.Throws<ArgumentOutOfRangeException>(() => clock.Advance(TimeSpan.FromSeconds(-1)));
        Assert.Contains("zero or positive", negative.Message, StringComparison.Ordinal);
        var past = Assert.Throws<ArgumentOutOfRangeException>(() => clock.SetTo(Start.AddTicks(-1)));
        Assert.Contains("before its current time", past.Message, StringComparison.Ordinal);
        Assert.Equal(Start, clock.GetUtcNow());
    }

    [Fact]
    public async Task A_delay_on_a_frozen_clock_completes_only_when_the_clock_passes_its_due_time()
    {
        using var clock = new SandboxClock(Start, frozen: true);
        var delay = Task.Delay(TimeSpan.FromHours(1), clock);
        clock.Advance(TimeSpan.FromMinutes(59));
        await Task.Delay(50);
        Assert.False(delay.IsCompleted);

        clock.Advance(TimeSpan.FromMinutes(1));
        await delay.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task A_delay_on_a_running_clock_completes_with_real_time()
    {
        using var clock = new SandboxClock(Start, frozen: false);
        await Task.Delay(TimeSpan.FromMilliseconds(30), clock).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(clock.GetUtcNow() >= Start.AddMilliseconds(30));
    }

    [Fact]
    public async Task Freezing_holds_back_a_timer_that_real_time_would_have_fired()
    {
        using var clock = new SandboxClock(Start, frozen: false);
        var delay = Task.Delay(TimeSpan.FromSeconds(2), clock);
        clock.Freeze();
        var frozenAt = clock.GetUtcNow();
        await Task.Delay(2500);
        Assert.False(delay.IsCompleted);
        Assert.Equal(frozenAt, clock.GetUtcNow());

        clock.Advance(TimeSpan.FromSeconds(2));
        await delay.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void Setting_the_clock_fires_every_timer_it_passes_and_no_other()
    {
        using var clock = new SandboxClock(Start, frozen: true);
        var fired = new List<string>();
        using var early = clock.CreateTimer(_ => { lock (fired) { fired.Add("early"); } }, null, TimeSpan.FromDays(1), Timeout.InfiniteTimeSpan);
        using var late = clock.CreateTimer(_ => { lock (fired) { fired.Add("late"); } }, null, TimeSpan.FromDays(3), Timeout.InfiniteTimeSpan);

        clock.SetTo(Start.AddDays(2));
        Assert.Equal(["early"], fired);
        clock.SetTo(Start.AddDays(10));
        Assert.Equal(["early", "late"], fired);
        clock.Advance(TimeSpan.FromDays(10));
        Assert.Equal(["early", "late"], fired);
    }

    [Fact]
    public void A_periodic_timer_fires_once_per_move_and_is_next_due_one_period_after_it()
    {
        using var clock = new SandboxClock(Start, frozen: true);
        var count = 0;
        using var timer = clock.CreateTimer(_ => Interlocked.Increment(ref count), null, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));

        clock.Advance(TimeSpan.FromDays(30));
        Assert.Equal(1, count);
        clock.Advance(TimeSpan.FromSeconds(59));
        Assert.Equal(1, count);
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(2, count);
    }

    [Fact]
    public void A_disposed_or_stopped_timer_does_not_fire()
    {
        using var clock = new SandboxClock(Start, frozen: true);
        var count = 0;
        var disposed = clock.CreateTimer(_ => Interlocked.Increment(ref count), null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);
        using var stopped = clock.CreateTimer(_ => Interlocked.Increment(ref count), null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);
        disposed.Dispose();
        Assert.True(stopped.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan));
        Assert.False(disposed.Change(TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan));

        clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(0, count);
    }

    [Fact]
    public void A_zero_due_time_fires_at_once()
    {
        using var clock = new SandboxClock(Start, frozen: true);
        var count = 0;
        using var timer = clock.CreateTimer(_ => Interlocked.Increment(ref count), null, TimeSpan.Zero, Timeout.InfiniteTimeSpan);
        Assert.Equal(1, count);
    }

    [Fact]
    public void Timer_spans_are_validated()
    {
        using var clock = new SandboxClock(Start, frozen: true);
        Assert.Throws<ArgumentOutOfRangeException>(() => clock.CreateTimer(_ => { }, null, TimeSpan.FromSeconds(-2), Timeout.InfiniteTimeSpan));
    }

    [Fact]
    public void Timestamps_measure_sandbox_time()
    {
        using var clock = new SandboxClock(Start, frozen: true);
        var before = clock.GetTimestamp();
        clock.Advance(TimeSpan.FromHours(2));
        Assert.Equal(TimeSpan.FromHours(2), clock.GetElapsedTime(before));
    }

    [Fact]
    public async Task Concurrent_moves_and_reads_stay_consistent()
    {
        using var clock = new SandboxClock(Start, frozen: true);
        var fired = 0;
        var timers = Enumerable.Range(1, 100)
            .Select(i => clock.CreateTimer(_ => Interlocked.Increment(ref fired), null, TimeSpan.FromSeconds(i), Timeout.InfiniteTimeSpan))
            .ToList();
        await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => Task.Run(() => clock.Advance(TimeSpan.FromSeconds(1)))));
        Assert.Equal(Start.AddSeconds(100), clock.GetUtcNow());
        Assert.Equal(100, fired);
        timers.ForEach(t => t.Dispose());
    }
}
