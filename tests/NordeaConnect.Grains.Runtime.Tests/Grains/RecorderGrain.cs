namespace NordeaConnect.Grains.Runtime.Tests.Grains;

public interface IRecorderGrain : IGrainWithIntegerKey
{
    Task AppendAsync(int value);

    /// <summary>Appends across several awaits, so overlapping turns would be seen.</summary>
    ValueTask<int> AppendSlowlyAsync(int value);

    Task<IReadOnlyList<int>> GetAsync();

    Task<int> MaxConcurrencyAsync();

    Task<long> KeyAsync();
}

internal sealed class RecorderGrain : Grain, IRecorderGrain
{
    private readonly List<int> _values = [];
    private int _running;
    private int _maxConcurrency;

    public Task AppendAsync(int value)
    {
        _values.Add(value);
        return Task.CompletedTask;
    }

    public async ValueTask<int> AppendSlowlyAsync(int value)
    {
        var running = Interlocked.Increment(ref _running);
        _maxConcurrency = Math.Max(_maxConcurrency, running);
        await Task.Yield();
        await Task.Delay(1);
        _values.Add(value);
        Interlocked.Decrement(ref _running);
        return _values.Count;
    }

    public Task<IReadOnlyList<int>> GetAsync() => Task.FromResult<IReadOnlyList<int>>(_values.ToArray());

    public Task<int> MaxConcurrencyAsync() => Task.FromResult(_maxConcurrency);

    public Task<long> KeyAsync() => Task.FromResult(this.GetPrimaryKeyLong());
}
