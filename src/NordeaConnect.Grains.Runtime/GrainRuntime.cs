using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using NordeaConnect.Grains.Runtime.Activation;
using NordeaConnect.Grains.Runtime.Calls;
using NordeaConnect.Grains.Runtime.Diagnostics;
using NordeaConnect.Grains.Runtime.Hosting;
using NordeaConnect.Grains.Runtime.State;
using NordeaConnect.Grains.Runtime.Storage;

namespace NordeaConnect.Grains.Runtime;

/// <summary>
/// The node's grain directory: routes each call to the one activation of its key (creating it on demand), collects idle
/// activations and, above the cap, the least recently used ones, and deactivates everything on shutdown.
/// </summary>
internal sealed class GrainRuntime : IGrainFactory, IActivationCollector, IAsyncDisposable
{
    private readonly ConcurrentDictionary<GrainId, GrainActivation> _activations = new();
    private readonly ConcurrentDictionary<Type, GrainConstructor> _constructors = new();
    private readonly GrainCatalog _catalog;
    private readonly GrainStateInvalidations _invalidations;
    private readonly Lock _timerGate = new();
    private ITimer? _collectionTimer;
    private int _enforcingCapacity;
    private volatile bool _stopping;

    public GrainRuntime(
        GrainCatalog catalog,
        GrainRuntimeOptions options,
        IServiceProvider services,
        IGrainStorage storage,
        IGrainTurnLock turnLock,
        GrainStateInvalidations invalidations,
        GrainRuntimeMetrics metrics,
        PersistentStateFactory stateFactory,
        TimeProvider timeProvider,
        ILogger logger)
    {
        options.Validate();
        _catalog = catalog;
        Options = options;
        Services = services;
        Storage = storage;
        TurnLock = turnLock;
        _invalidations = invalidations;
        Metrics = metrics;
        StateFactory = stateFactory;
        TimeProvider = timeProvider;
        Logger = logger;
        _invalidations.Subscribe(OnStateChanged);
    }

    public GrainRuntimeOptions Options { get; }

    public IServiceProvider Services { get; }

    public IGrainStorage Storage { get; }

    public IGrainTurnLock TurnLock { get; }

    public GrainRuntimeMetrics Metrics { get; }

    public PersistentStateFactory StateFactory { get; }

    public TimeProvider TimeProvider { get; }

    public ILogger Logger { get; }

    public int LiveActivationCount => (int)Metrics.LiveActivations;

    public TGrainInterface GetGrain<TGrainInterface>(string primaryKey)
        where TGrainInterface : IGrainWithStringKey
    {
        ArgumentNullException.ThrowIfNull(primaryKey);
        if (primaryKey.Length > GrainId.MaxKeyLength)
        {
            throw new ArgumentException($"Grain key is {primaryKey.Length} characters long; keys are at most {GrainId.MaxKeyLength}.", nameof(primaryKey));
        }

        var registration = _catalog.Get(typeof(TGrainInterface));
        return GrainProxy.Create<TGrainInterface>(this, registration, new GrainId(registration.GrainType, primaryKey));
    }

    public TGrainInterface GetGrain<TGrainInterface>(long primaryKey)
        where TGrainInterface : IGrainWithIntegerKey
    {
        var registration = _catalog.Get(typeof(TGrainInterface));
        return GrainProxy.Create<TGrainInterface>(this, registration, GrainId.ForInteger(registration.GrainType, primaryKey));
    }

    public Task<int> CollectIdleAsync(CancellationToken cancellationToken = default) =>
        CollectIdleAsync(Options.IdleCollectionAge, cancellationToken);

    public async Task<int> CollectIdleAsync(TimeSpan idleAge, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(idleAge, TimeSpan.Zero);
        var idleBefore = TimeProvider.GetUtcNow().UtcTicks - idleAge.Ticks;
        var reason = new DeactivationReason(DeactivationReasonCode.ActivationIdle, "Idle for at least " + idleAge.ToString("c", System.Globalization.CultureInfo.InvariantCulture) + ".");
        var deactivations = new List<Task>();
        foreach (var (_, activation) in _activations)
        {
            if (activation.TryCollect(idleBefore, reason) is { } deactivation)
            {
                deactivations.Add(deactivation);
            }
        }

        await Task.WhenAll(deactivations).WaitAsync(cancellationToken).ConfigureAwait(false);
        return deactivations.Count;
    }

    /// <summary>Deactivates every activation (after its queued calls) and refuses new calls.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _stopping = true;
        lock (_timerGate)
        {
            _collectionTimer?.Dispose();
            _collectionTimer = null;
        }

        var reason = new DeactivationReason(DeactivationReasonCode.ShuttingDown, "The grain runtime is stopping.");
        while (!_activations.IsEmpty)
        {
            var deactivations = _activations.Select(pair => pair.Value.RequestDeactivation(reason)).ToList();
            await Task.WhenAll(deactivations).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(CancellationToken.None).ConfigureAwait(false);
        _invalidations.Unsubscribe(OnStateChanged);
    }

    internal void Dispatch(GrainRegistration registration, GrainId target, GrainCall call)
    {
        call.Arm(registration, target, Options.QueueTimeout, Options.TurnTimeout, TimeProvider);
        if (CallChain.Current is { } chain && chain.Contains(target))
        {
            Reject(call, new ReentrantGrainCallException(target, chain.ToList()));
            return;
        }

        Route(call);
    }

    internal void Remove(GrainActivation activation)
    {
        if (_activations.TryRemove(KeyValuePair.Create(activation.GrainId, activation)))
        {
            Metrics.ActivationRemoved();
        }
    }

    internal GrainConstructor ConstructorFor(Type grainClass) => _constructors.GetOrAdd(grainClass, GrainConstructor.For);

    internal CancellationTokenSource CreateTimeoutSource(TimeSpan timeout) => new(timeout, TimeProvider);

    private static void Reject(GrainCall call, Exception exception)
    {
        call.Fail(exception);
        call.Release();
    }

    private void Route(GrainCall call)
    {
        while (true)
        {
            if (_stopping)
            {
                Reject(call, new InvalidOperationException($"The grain runtime is stopping; call {call.Method.Name} on grain {call.Target} was not run."));
                return;
            }

            var activation = GetOrAddActivation(call.Registration!, call.Target);
            if (activation.TryEnqueue(call))
            {
                return;
            }

            // The activation is deactivating: the call goes to a fresh activation once the old one has left, so the
            // fresh one reads the state the old one wrote last.
            var deactivated = activation.Deactivated;
            if (!deactivated.IsCompleted)
            {
                _ = RouteAfterAsync(deactivated, call);
                return;
            }

            _activations.TryRemove(KeyValuePair.Create(call.Target, activation));
        }
    }

    private async Task RouteAfterAsync(Task deactivated, GrainCall call)
    {
        await deactivated.ConfigureAwait(false);
        Route(call);
    }

    private GrainActivation GetOrAddActivation(GrainRegistration registration, GrainId grainId)
    {
        while (true)
        {
            if (_activations.TryGetValue(grainId, out var existing))
            {
                return existing;
            }

            var created = new GrainActivation(this, grainId, registration);
            if (_activations.TryAdd(grainId, created))
            {
                Metrics.ActivationAdded();
                EnsureCollectionTimer();
                if (Metrics.LiveActivations > Options.MaxActivations)
                {
                    EnforceCapacity();
                }

                return created;
            }
        }
    }

    private void OnStateChanged(GrainStateKey key, long version)
    {
        if (_activations.TryGetValue(key.GrainId, out var activation) && activation.Invalidate(key.StateName, version))
        {
            Metrics.StateInvalidated();
        }
    }

    private void EnsureCollectionTimer()
    {
        if (Volatile.Read(ref _collectionTimer) is not null || _stopping)
        {
            return;
        }

        lock (_timerGate)
        {
            if (_collectionTimer is not null || _stopping)
            {
                return;
            }

            // The timer must not capture the ExecutionContext of whichever call happened to create it.
            using (ExecutionContext.SuppressFlow())
            {
                _collectionTimer = TimeProvider.CreateTimer(
                    static state => ((GrainRuntime)state!).OnCollectionTimer(), this, Options.CollectionInterval, Options.CollectionInterval);
            }
        }
    }

    private void OnCollectionTimer() => _ = CollectIdleOnTimerAsync();

    private async Task CollectIdleOnTimerAsync()
    {
        try
        {
            var collected = await CollectIdleAsync(CancellationToken.None).ConfigureAwait(false);
            if (collected > 0)
            {
                Logger.LogDebug("Collected {Count} idle activations", collected);
            }
        }
        catch (Exception exception)
        {
            Logger.LogError(exception, "Idle activation collection failed");
        }
    }

    private void EnforceCapacity()
    {
        if (Interlocked.CompareExchange(ref _enforcingCapacity, 1, 0) == 0)
        {
            ThreadPool.UnsafeQueueUserWorkItem(static runtime => _ = runtime.EnforceCapacityAsync(), this, preferLocal: false);
        }
    }

    private async Task EnforceCapacityAsync()
    {
        try
        {
            var cap = Options.MaxActivations;
            var reason = new DeactivationReason(DeactivationReasonCode.ActivationLimitExceeded, "More than " + cap.ToString(System.Globalization.CultureInfo.InvariantCulture) + " activations were live.");
            while (!_stopping && Metrics.LiveActivations > cap)
            {
                // Collect down to 90 % of the cap so that a busy node does not scan the directory for every new activation.
                var excess = (int)(Metrics.LiveActivations - (cap - (cap / 10)));
                var deactivations = _activations
                    .Select(pair => pair.Value)
                    .Where(activation => activation.LooksIdle)
                    .OrderBy(activation => activation.LastUsedTicks)
                    .Take(excess)
                    .Select(activation => activation.TryCollect(long.MaxValue, reason))
                    .OfType<Task>()
                    .ToList();
                if (deactivations.Count == 0)
                {
                    break;
                }

                await Task.WhenAll(deactivations).ConfigureAwait(false);
            }
        }
        catch (Exception exception)
        {
            Logger.LogError(exception, "Collecting activations above the cap failed");
        }
        finally
        {
            Volatile.Write(ref _enforcingCapacity, 0);
        }
    }
}
