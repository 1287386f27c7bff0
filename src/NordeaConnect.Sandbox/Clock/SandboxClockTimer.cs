namespace NordeaConnect.Sandbox.Clock;

/// <summary>
/// A timer due in sandbox time. While the clock runs, a real timer wakes it at the right moment; when the clock is
/// moved, <see cref="SandboxClock.Reschedule"/> fires it if the move carried the clock past its due time.
/// </summary>
internal sealed class SandboxClockTimer : ITimer
{
    // Real timers can wake a hair early against the wall clock; re-arming for at least this long avoids a spin.
    private static readonly TimeSpan MinimumRearm = TimeSpan.FromMilliseconds(1);

    private readonly SandboxClock _clock;
    private readonly TimerCallback _callback;
    private readonly object? _state;
    private readonly ITimer _wake;
    private DateTimeOffset? _dueAt;
    private TimeSpan _period = Timeout.InfiniteTimeSpan;
    private bool _disposed;

    public SandboxClockTimer(SandboxClock clock, TimerCallback callback, object? state)
    {
        _clock = clock;
        _callback = callback;
        _state = state;
        _wake = clock.Real.CreateTimer(static self => ((SandboxClockTimer)self!).FireIfDueAndRearm(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    public bool Change(TimeSpan dueTime, TimeSpan period)
    {
        ValidateSpan(dueTime, nameof(dueTime));
        ValidateSpan(period, nameof(period));
        lock (_clock.Gate)
        {
            if (_disposed)
            {
                return false;
            }

            _dueAt = dueTime == Timeout.InfiniteTimeSpan ? null : _clock.NowUnderLock() + dueTime;
            _period = period;
        }

        FireIfDueAndRearm();
        return true;
    }

    /// <summary>
    /// Invokes the callback if the timer is due. A periodic timer that a large move skipped over fires once and
    /// is next due one period after the new "now": advancing a month must not replay thousands of ticks.
    /// </summary>
    internal void FireIfDueAndRearm()
    {
        bool fire;
        lock (_clock.Gate)
        {
            if (_disposed || _dueAt is not { } dueAt)
            {
                return;
            }

            var now = _clock.NowUnderLock();
            fire = dueAt <= now;
            if (fire)
            {
                _dueAt = _period == Timeout.InfiniteTimeSpan || _period == TimeSpan.Zero ? null : now + _period;
            }

            // Re-armed under the lock so two racing callers cannot leave a stale wake-up behind.
            var wakeIn = _dueAt is { } next ? _clock.RealDelayUntilUnderLock(next) : null;
            _wake.Change(wakeIn is { } delay ? (delay < MinimumRearm ? MinimumRearm : delay) : Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        }

        if (fire)
        {
            _callback(_state);
        }
    }

    public void Dispose()
    {
        lock (_clock.Gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _dueAt = null;
        }

        _wake.Dispose();
        _clock.Remove(this);
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    private static void ValidateSpan(TimeSpan span, string name)
    {
        if (span < TimeSpan.Zero && span != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(name, span, "A timer span must be zero, positive or Timeout.InfiniteTimeSpan.");
        }
    }
}
