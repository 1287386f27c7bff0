using Microsoft.Extensions.Logging;

namespace NordeaConnect.Sandbox.Clock;

/// <summary>
/// Runs every <see cref="IClockListener"/> for the clock's current instant, one pulse at a time. The clock endpoint
/// awaits a pulse after moving the clock, so when <c>POST /_sandbox/clock</c> returns, everything that fell due
/// (charges, webhook retries) has been attempted; <see cref="ClockPulseService"/> pulses as real time passes.
/// </summary>
public sealed partial class ClockPulse(SandboxClock clock, IEnumerable<IClockListener> listeners, ILogger<ClockPulse> logger) : IDisposable
{
    private readonly IClockListener[] _listeners = [.. listeners];
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);

    /// <summary>Runs the listeners for the current sandbox time and returns that time.</summary>
    public async Task<DateTimeOffset> PulseAsync(CancellationToken cancellationToken)
    {
        await _oneAtATime.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var now = clock.GetUtcNow();
            foreach (var listener in _listeners)
            {
                try
                {
                    await listener.OnClockMovedAsync(now, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    // One failing listener must not starve the others; the next pulse tries it again.
                    LogListenerFailed(logger, exception, listener.GetType().Name, now);
                }
            }

            return now;
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    /// <inheritdoc />
    public void Dispose() => _oneAtATime.Dispose();

    [LoggerMessage(Level = LogLevel.Error, Message = "Clock listener {Listener} failed at sandbox time {Now}")]
    private static partial void LogListenerFailed(ILogger logger, Exception exception, string listener, DateTimeOffset now);
}
