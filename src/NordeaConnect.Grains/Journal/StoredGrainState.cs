using Microsoft.Extensions.Logging;
using Orleans.Storage;

namespace NordeaConnect.Grains;

/// <summary>
/// A grain's persistent state, read and written through the silo's <see cref="IGrainStorage"/> under the same state
/// name (and so the same stored rows) as <c>[PersistentState]</c>. Chosen over Orleans' injected bridge because that
/// bridge costs about 380 bytes per activation (lifecycle and migration participants, a separate state box), which a
/// silo holding hundreds of thousands of cached transactions pays for nothing: these grains read their state once at
/// activation (<see cref="JournalKeeper{TState}.ActivateAsync"/>) and never migrate it live.
/// </summary>
internal class StoredGrainState<TState> : IPersistentState<TState>, IGrainState<TState>
    where TState : class, new()
{
    private readonly string _name;
    private readonly IGrainBase _grain;
    private readonly JournalServices _services;
    private TState _state = new();

    /// <param name="name">The state's name, as <c>[PersistentState(name, ...)]</c> would give it.</param>
    public StoredGrainState(string name, IGrainBase grain, JournalServices services)
    {
        _name = name;
        _grain = grain;
        _services = services;
    }

    public TState State
    {
        get => _state;
        set
        {
            ArgumentNullException.ThrowIfNull(value);
            ChangedSinceSaved |= !ReferenceEquals(value, _state);
            _state = value;
        }
    }

    /// <summary>The grain whose state this is.</summary>
    private protected IGrainBase Grain => _grain;

    private protected JournalServices Services => _services;

    private protected ILogger Logger => _services.LoggerOf(_grain);

    /// <summary>The storage provider's side: what it loads is the saved state, not a change; none loaded is the empty state.</summary>
    TState? IGrainState<TState>.State
    {
        get => _state;
        set => _state = value ?? new TState();
    }

    /// <summary>Replaces the state just read with an equal one (e.g. <see cref="IJournaledState{TSelf}.Compacted"/>): nothing to write back.</summary>
    public void Loaded(TState same)
    {
        ArgumentNullException.ThrowIfNull(same);
        _state = same;
    }

    /// <summary>Whether <see cref="State"/> was replaced since it was last read or written.</summary>
    public bool ChangedSinceSaved { get; private set; }

    public string? Etag => ETag;

    public string? ETag { get; set; }

    public bool RecordExists { get; set; }

    public Task ReadStateAsync() => ReadStateAsync(CancellationToken.None);

    public Task WriteStateAsync() => WriteStateAsync(CancellationToken.None);

    public Task ClearStateAsync() => ClearStateAsync(CancellationToken.None);

    public async Task ReadStateAsync(CancellationToken cancellationToken)
    {
        await RunAsync("read", _services.Storage.ReadStateAsync(_name, _grain.GrainContext.GrainId, this, cancellationToken)).ConfigureAwait(true);
        ChangedSinceSaved = false;
    }

    public async Task WriteStateAsync(CancellationToken cancellationToken)
    {
        await RunAsync("write", _services.Storage.WriteStateAsync(_name, _grain.GrainContext.GrainId, this, cancellationToken)).ConfigureAwait(true);
        ChangedSinceSaved = false;
    }

    public async Task ClearStateAsync(CancellationToken cancellationToken)
    {
        await RunAsync("clear", _services.Storage.ClearStateAsync(_name, _grain.GrainContext.GrainId, this, cancellationToken)).ConfigureAwait(true);
        ChangedSinceSaved = false;
    }

    /// <summary>As Orleans' bridge does: a storage failure is logged and surfaces as an <see cref="OrleansException"/> (an ETag conflict as itself).</summary>
    private async Task RunAsync(string operation, Task storageCall)
    {
        try
        {
            await storageCall.ConfigureAwait(true);
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            Logger.LogError(failure, "Grain storage {Operation} of state {StateName} of {GrainId} failed", operation, _name, _grain.GrainContext.GrainId);
            if (failure is OrleansException)
            {
                throw;
            }

            throw new OrleansException($"Error from grain storage during {operation} of state {_name} of {_grain.GrainContext.GrainId}.", failure);
        }
    }
}
