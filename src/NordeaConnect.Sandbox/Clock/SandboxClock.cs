using System.Globalization;

namespace NordeaConnect.Sandbox.Clock;

/// <summary>
/// The sandbox's notion of "now": real time by default, but it can be frozen, advanced and set forward so that
/// tests can make a month of subscription billing or three days of webhook retries happen in a second.
/// Timers created through <see cref="CreateTimer"/> (and so <c>Task.Delay(delay, clock)</c> and
/// <c>PeriodicTimer</c>) are due in sandbox time: they fire when real time reaches them while the clock runs,
/// and at once when the clock is moved past them.
/// </summary>
public sealed class SandboxClock : TimeProvider, IDisposable
{
    private readonly TimeProvider _real;
    private readonly Lock _gate = new();
    private readonly List<SandboxClockTimer> _timers = [];
    private TimeSpan _offset;
    private DateTimeOffset? _frozenAt;
    private bool _disposed;

    /// <summary>Creates a clock that runs with real time.</summary>
    public SandboxClock()
        : this(TimeProvider.System)
    {
    }

    /// <summary>Creates a clock over <paramref name="real"/>, the source of real time (a fake one in tests of the clock itself).</summary>
    public SandboxClock(TimeProvider real)
    {
        ArgumentNullException.ThrowIfNull(real);
        _real = real;
    }

    /// <summary>Creates a clock that shows <paramref name="startAt"/> now, frozen there or running on from it.</summary>
    public SandboxClock(DateTimeOffset startAt, bool frozen)
        : this(TimeProvider.System)
    {
        if (frozen)
        {
            _frozenAt = startAt;
        }
        else
        {
            _offset = startAt - _real.GetUtcNow();
        }
    }

    /// <summary>Whether the clock stands still until it is advanced or resumed.</summary>
    public bool IsFrozen
    {
        get
        {
            lock (_gate)
            {
                return _frozenAt is not null;
            }
        }
    }

    /// <summary>The sandbox runs on UTC whatever the host's zone, so dates in responses never depend on the machine.</summary>
    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    /// <summary>Timestamps count sandbox ticks, so elapsed times measured on this clock include advances.</summary>
    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return NowUnderLock();
        }
    }

    /// <inheritdoc />
    public override long GetTimestamp() => GetUtcNow().UtcTicks;

    /// <summary>Stops the clock at the current instant.</summary>
    public void Freeze()
    {
        lock (_gate)
        {
            _frozenAt ??= NowUnderLock();
        }

        Reschedule();
    }

    /// <summary>Lets a frozen clock run again with real time, from the instant it shows now.</summary>
    public void Resume()
    {
        lock (_gate)
        {
            if (_frozenAt is { } frozenAt)
            {
                _offset = frozenAt - _real.GetUtcNow();
                _frozenAt = null;
            }
        }

        Reschedule();
    }

    /// <summary>Moves the clock forward by <paramref name="by"/>, firing every timer that falls due on the way.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The span is negative: the sandbox clock never runs backwards,
    /// because stored next-charge and retry times would then lie in a future that has already happened.</exception>
    public DateTimeOffset Advance(TimeSpan by)
    {
        if (by < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(by), by, "The sandbox clock can only be advanced by a zero or positive span.");
        }

        DateTimeOffset now;
        lock (_gate)
        {
            if (_frozenAt is { } frozenAt)
            {
                _frozenAt = frozenAt + by;
            }
            else
            {
                _offset += by;
            }

            now = NowUnderLock();
        }

        Reschedule();
        return now;
    }

    /// <summary>Sets the clock to <paramref name="instant"/>, which must not lie before the current sandbox time.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The instant lies in the sandbox's past.</exception>
    public DateTimeOffset SetTo(DateTimeOffset instant)
    {
        lock (_gate)
        {
            var now = NowUnderLock();
            if (instant < now)
            {
                throw new ArgumentOutOfRangeException(
                    nameof(instant),
                    instant,
                    "The sandbox clock cannot be set to an instant before its current time " + now.ToString("O", CultureInfo.InvariantCulture) + ".");
            }

            if (_frozenAt is not null)
            {
                _frozenAt = instant;
            }
            else
            {
                _offset += instant - now;
            }
        }

        Reschedule();
        return instant;
    }

    /// <inheritdoc />
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var timer = new SandboxClockTimer(this, callback, state);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _timers.Add(timer);
        }

        timer.Change(dueTime, period);
        return timer;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        SandboxClockTimer[] timers;
        lock (_gate)
        {
            _disposed = true;
            timers = [.. _timers];
            _timers.Clear();
        }

        foreach (var timer in timers)
        {
            timer.Dispose();
        }
    }

    internal TimeProvider Real => _real;

    internal Lock Gate => _gate;

    internal DateTimeOffset NowUnderLock() => _frozenAt ?? _real.GetUtcNow() + _offset;

    /// <summary>Real time until <paramref name="dueAt"/>, or null while frozen (only a move of the clock can make it due).</summary>
    internal TimeSpan? RealDelayUntilUnderLock(DateTimeOffset dueAt)
    {
        if (_frozenAt is not null)
        {
            return null;
        }

        var remaining = dueAt - NowUnderLock();
        return remaining < TimeSpan.Zero ? TimeSpan.Zero : remaining;
    }

    internal void Remove(SandboxClockTimer timer)
    {
        lock (_gate)
        {
            _timers.Remove(timer);
        }
    }

    /// <summary>Fires the timers that are due and re-arms the real-time wake-ups of the rest.</summary>
    internal void Reschedule()
    {
        SandboxClockTimer[] timers;
        lock (_gate)
        {
            timers = [.. _timers];
        }

        foreach (var timer in timers)
        {
            timer.FireIfDueAndRearm();
        }
    }
}
