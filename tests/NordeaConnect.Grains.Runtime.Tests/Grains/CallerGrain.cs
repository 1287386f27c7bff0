namespace NordeaConnect.Grains.Runtime.Tests.Grains;

public interface ICallerGrain : IGrainWithStringKey
{
    Task<string> PingAsync();

    Task<string> CallSelfAsync();

    Task<string> CallOtherAsync(string otherKey);

    /// <summary>Calls <paramref name="otherKey"/>, which calls back <paramref name="backKey"/>.</summary>
    Task<string> CallThroughAsync(string otherKey, string backKey);
}

internal sealed class CallerGrain : Grain, ICallerGrain
{
    public Task<string> PingAsync() => Task.FromResult("pong:" + this.GetPrimaryKeyString());

    public Task<string> CallSelfAsync() => GrainFactory.GetGrain<ICallerGrain>(this.GetPrimaryKeyString()).PingAsync();

    public Task<string> CallOtherAsync(string otherKey) => GrainFactory.GetGrain<ICallerGrain>(otherKey).PingAsync();

    public Task<string> CallThroughAsync(string otherKey, string backKey) =>
        GrainFactory.GetGrain<ICallerGrain>(otherKey).CallOtherAsync(backKey);
}
