using NordeaConnect.Grains.Runtime;

namespace NordeaConnect.Bench.Runtime;

public interface IEmptyGrain : IGrainWithIntegerKey
{
    Task PingAsync();
}

/// <summary>Does nothing, so a call measures the runtime alone.</summary>
internal sealed class EmptyGrain : Grain, IEmptyGrain
{
    public Task PingAsync() => Task.CompletedTask;
}

/// <summary>The baseline: the same empty method on a plain object, one caller at a time through a SemaphoreSlim.</summary>
internal sealed class GuardedTarget : IEmptyGrain
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task PingAsync()
    {
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            await Task.CompletedTask.ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }
}
