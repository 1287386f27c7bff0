using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using NordeaConnect.Grains.Runtime.Diagnostics;
using NordeaConnect.Grains.Runtime.Storage;

namespace NordeaConnect.Grains.Runtime.State;

/// <summary>The activation's cache of one stored state. Used only from the activation's turns, so it needs no locking,
/// except <see cref="Invalidate"/> which the change listener calls from its own thread.</summary>
internal sealed class PersistentState<TState> : IPersistentState<TState>, IActivationState
{
    private readonly GrainStateKey _key;
    private readonly JsonTypeInfo<TState> _typeInfo;
    private readonly IGrainStorage _storage;
    private readonly GrainRuntimeMetrics _metrics;
    private readonly TimeProvider _timeProvider;
    private TState _state;
    private long _version;
    private long _invalidatedVersion;
    private bool _reloadRequired;
    private bool _discardRequested;

    public PersistentState(GrainStateKey key, JsonTypeInfo<TState> typeInfo, IGrainStorage storage, GrainRuntimeMetrics metrics, TimeProvider timeProvider)
    {
        _key = key;
        _typeInfo = typeInfo;
        _storage = storage;
        _metrics = metrics;
        _timeProvider = timeProvider;
        _state = InitialState.Create();
    }

    public string StateName => _key.StateName;

    public TState State
    {
        get => _state;
        set
        {
            _state = value;
            IsDirty = true;
        }
    }

    public string? Etag => _version == 0 ? null : _version.ToString(CultureInfo.InvariantCulture);

    public long Version => _version;

    public bool RecordExists { get; private set; }

    public DateTimeOffset? LastReadAt { get; private set; }

    public bool IsDirty { get; private set; }

    public async Task ReadStateAsync(CancellationToken cancellationToken = default)
    {
        var started = Stopwatch.GetTimestamp();
        var stored = await _storage.ReadAsync(_key, cancellationToken).ConfigureAwait(false);
        _metrics.StorageOperation("read", started, conflict: false);
        Apply(stored ?? new StoredState(null, 0));
    }

    public async Task WriteStateAsync(CancellationToken cancellationToken = default)
    {
        var json = JsonSerializer.Serialize(_state, _typeInfo);
        var started = Stopwatch.GetTimestamp();
        try
        {
            _version = await _storage.WriteAsync(_key, json, _version, cancellationToken).ConfigureAwait(false);
            _metrics.StorageOperation("write", started, conflict: false);
        }
        catch (Exception exception)
        {
            // After a conflict, and after any failure whose outcome is unknown, the cache cannot be trusted.
            _reloadRequired = true;
            _metrics.StorageOperation("write", started, conflict: exception is InconsistentStateException);
            throw;
        }

        RecordExists = true;
        IsDirty = false;
        LastReadAt = _timeProvider.GetUtcNow();
    }

    public async Task ClearStateAsync(CancellationToken cancellationToken = default)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            _version = await _storage.ClearAsync(_key, _version, cancellationToken).ConfigureAwait(false);
            _metrics.StorageOperation("clear", started, conflict: false);
        }
        catch (Exception exception)
        {
            _reloadRequired = true;
            _metrics.StorageOperation("clear", started, conflict: exception is InconsistentStateException);
            throw;
        }

        _state = InitialState.Create();
        RecordExists = false;
        IsDirty = false;
        LastReadAt = _timeProvider.GetUtcNow();
    }

    public void DiscardUnsavedChanges()
    {
        _discardRequested = true;
        IsDirty = false;
    }

    public async ValueTask RefreshIfNeededAsync(bool force, CancellationToken cancellationToken)
    {
        if (_discardRequested)
        {
            await ReadStateAsync(cancellationToken).ConfigureAwait(false);
            return;
        }

        var needed = force
            || _reloadRequired
            || Volatile.Read(ref _invalidatedVersion) > _version
            || LastReadAt is not { } lastReadAt
            || !_storage.IsCacheTrusted(lastReadAt);
        if (!needed)
        {
            return;
        }

        var started = Stopwatch.GetTimestamp();
        var changed = await _storage.ReadIfChangedAsync(_key, _version, cancellationToken).ConfigureAwait(false);
        _metrics.StorageOperation("refresh", started, conflict: false);
        if (changed is null)
        {
            _reloadRequired = false;
            LastReadAt = _timeProvider.GetUtcNow();
        }
        else
        {
            Apply(changed);
        }
    }

    public void Invalidate(long version)
    {
        var seen = Volatile.Read(ref _invalidatedVersion);
        while (version > seen)
        {
            var previous = Interlocked.CompareExchange(ref _invalidatedVersion, version, seen);
            if (previous == seen)
            {
                return;
            }

            seen = previous;
        }
    }

    private void Apply(StoredState stored)
    {
        if (stored.Json is null)
        {
            _state = InitialState.Create();
            RecordExists = false;
        }
        else
        {
            _state = JsonSerializer.Deserialize(stored.Json, _typeInfo)!;
            RecordExists = true;
        }

        _version = stored.Version;
        _reloadRequired = false;
        _discardRequested = false;
        IsDirty = false;
        LastReadAt = _timeProvider.GetUtcNow();
    }

    /// <summary>The state a grain sees before anything is stored.</summary>
    private static class InitialState
    {
        private static readonly Func<TState> Factory = CreateFactory();

        public static TState Create() => Factory();

        private static Func<TState> CreateFactory()
        {
            var type = typeof(TState);
            if (type.IsValueType)
            {
                return static () => default!;
            }

            return !type.IsAbstract && type.GetConstructor(Type.EmptyTypes) is not null
                ? static () => Activator.CreateInstance<TState>()
                : static () => default!;
        }
    }
}
