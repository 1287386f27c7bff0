using NordeaConnect.Grains.Runtime.Tests.Infrastructure;

namespace NordeaConnect.Grains.Runtime.Tests.Grains;

public interface IHangingGrain : IGrainWithStringKey
{
    /// <summary>Opens <paramref name="started"/>, then waits until its token is canceled.</summary>
    Task HangAsync(string started, CancellationToken cancellationToken);

    /// <summary>Waits for <paramref name="release"/>, ignoring cancellation.</summary>
    Task HangIgnoringTokenAsync(string release);

    Task<int> PingAsync();

    Task<int> PingWithTokenAsync(CancellationToken cancellationToken);

    Task<bool> LastHangWasCanceledAsync();
}

internal sealed class HangingGrain : Grain, IHangingGrain
{
    private int _pings;
    private bool _lastHangWasCanceled;

    public async Task HangAsync(string started, CancellationToken cancellationToken)
    {
        TestGates.Open(started);
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            _lastHangWasCanceled = true;
            throw;
        }
    }

    public Task HangIgnoringTokenAsync(string release) => TestGates.WaitAsync(release);

    public Task<int> PingAsync() => Task.FromResult(++_pings);

    public Task<int> PingWithTokenAsync(CancellationToken cancellationToken) => PingAsync();

    public Task<bool> LastHangWasCanceledAsync() => Task.FromResult(_lastHangWasCanceled);
}
