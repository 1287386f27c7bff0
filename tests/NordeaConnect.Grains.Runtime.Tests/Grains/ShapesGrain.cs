namespace NordeaConnect.Grains.Runtime.Tests.Grains;

public sealed record Pair(string Left, int Right);

public interface IShapesGrain : IGrainWithIntegerKey
{
    Task DoAsync();

    Task<Pair> CombineAsync(string left, int right, Pair? previous);

    ValueTask DoValueAsync();

    ValueTask<int> AddAsync(int a, long b, CancellationToken cancellationToken);

    Task<bool> TokenCanBeCanceledAsync(CancellationToken cancellationToken);

    Task<int> CallsAsync();
}

internal sealed class ShapesGrain : Grain, IShapesGrain
{
    private int _calls;

    public Task DoAsync()
    {
        _calls++;
        return Task.CompletedTask;
    }

    public Task<Pair> CombineAsync(string left, int right, Pair? previous)
    {
        _calls++;
        return Task.FromResult(new Pair((previous?.Left ?? string.Empty) + left, (previous?.Right ?? 0) + right));
    }

    public async ValueTask DoValueAsync()
    {
        await Task.Yield();
        _calls++;
    }

    public ValueTask<int> AddAsync(int a, long b, CancellationToken cancellationToken)
    {
        _calls++;
        return ValueTask.FromResult(a + (int)b);
    }

    // The runtime passes its own turn token (linked to the caller's and the turn timeout), which can always be canceled.
    public Task<bool> TokenCanBeCanceledAsync(CancellationToken cancellationToken) => Task.FromResult(cancellationToken.CanBeCanceled);

    public Task<int> CallsAsync() => Task.FromResult(_calls);
}
