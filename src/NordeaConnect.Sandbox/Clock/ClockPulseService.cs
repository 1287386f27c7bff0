using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace NordeaConnect.Sandbox.Clock;

/// <summary>Pulses the clock listeners every <see cref="SandboxClockOptions.PulseInterval"/> of sandbox time.</summary>
internal sealed class ClockPulseService(SandboxClock clock, ClockPulse pulse, IOptions<SandboxClockOptions> options) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // A timer on the sandbox clock: it ticks with real time while the clock runs, and once per move while frozen.
        using var ticks = new PeriodicTimer(options.Value.PulseInterval, clock);
        try
        {
            while (await ticks.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                await pulse.PulseAsync(stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Host shutdown.
        }
    }
}
