using NordeaConnect.Grains.Runtime.Tests.Infrastructure;

namespace NordeaConnect.Grains.Runtime.Tests.Grains;

public interface IGateGrain : IGrainWithStringKey
{
    Task WaitForAsync(string gate);

    Task OpenAsync(string gate);
}

internal sealed class GateGrain : Grain, IGateGrain
{
    public Task WaitForAsync(string gate) => TestGates.WaitAsync(gate);

    public Task OpenAsync(string gate)
    {
        TestGates.Open(gate);
        return Task.CompletedTask;
    }
}
