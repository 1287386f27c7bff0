namespace NordeaConnect.Bench.Load;

public interface IAccountGrain : IGrainWithIntegerKey
{
    Task<long> DepositAsync(long minorUnits);
}

/// <summary>
/// A small entity held in memory (a balance, a count and a reference, about what a cached payment keeps besides
/// its upstream body), so the scaling figures measure Orleans' directory and activations, not a storage engine.
/// </summary>
internal sealed class AccountGrain : Grain, IAccountGrain
{
    private long _balance;
    private int _deposits;
    private string? _lastReference;

    public Task<long> DepositAsync(long minorUnits)
    {
        _balance += minorUnits;
        _deposits++;
        _lastReference = _deposits % 1000 == 0 ? "ref-" + _deposits.ToString(System.Globalization.CultureInfo.InvariantCulture) : _lastReference;
        return Task.FromResult(_balance);
    }
}
