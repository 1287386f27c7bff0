namespace NordeaConnect.Bench.Grains;

public interface IEmptyGrain : IGrainWithIntegerKey
{
    Task PingAsync();
}

/// <summary>A grain holding nothing: what an activation costs Orleans itself, the floor under a transaction grain.</summary>
internal sealed class EmptyGrain : Grain, IEmptyGrain
{
    public Task PingAsync() => Task.CompletedTask;
}
