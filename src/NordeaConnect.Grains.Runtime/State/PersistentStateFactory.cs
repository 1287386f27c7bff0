using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Options;
using NordeaConnect.Grains.Runtime.Activation;
using NordeaConnect.Grains.Runtime.Diagnostics;
using NordeaConnect.Grains.Runtime.Storage;

namespace NordeaConnect.Grains.Runtime.State;

internal sealed class PersistentStateFactory : IPersistentStateFactory
{
    private readonly IGrainStorage _storage;
    private readonly GrainRuntimeMetrics _metrics;
    private readonly TimeProvider _timeProvider;
    private readonly GrainRuntimeOptions _options;

    public PersistentStateFactory(IGrainStorage storage, GrainRuntimeMetrics metrics, TimeProvider timeProvider, IOptions<GrainRuntimeOptions> options)
    {
        _storage = storage;
        _metrics = metrics;
        _timeProvider = timeProvider;
        _options = options.Value;
    }

    public IPersistentState<TState> Create<TState>(Grain grain, string stateName, JsonTypeInfo<TState>? typeInfo = null)
    {
        ArgumentNullException.ThrowIfNull(grain);
        PersistentStateName.Validate(stateName, nameof(stateName));
        return CreateTyped(grain.Context, stateName, typeInfo);
    }

    /// <summary>Used for [PersistentState] constructor parameters, before the grain (and so its context) exists.</summary>
    internal object CreateForParameter(Type stateType, ActivationContext context, string stateName)
    {
        var method = typeof(PersistentStateFactory).GetMethod(nameof(CreateTyped), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!;
        return method.MakeGenericMethod(stateType).Invoke(this, [context, stateName, null])!;
    }

    private PersistentState<TState> CreateTyped<TState>(ActivationContext context, string stateName, JsonTypeInfo<TState>? typeInfo)
    {
        typeInfo ??= ResolveTypeInfo<TState>(context.GrainId, stateName);
        var state = new PersistentState<TState>(new GrainStateKey(context.GrainId, stateName), typeInfo, _storage, _metrics, _timeProvider);
        context.AddState(state);
        return state;
    }

    private JsonTypeInfo<TState> ResolveTypeInfo<TState>(GrainId grainId, string stateName)
    {
        try
        {
            _options.SerializerOptions.MakeReadOnly(populateMissingResolver: true);
            return (JsonTypeInfo<TState>)_options.SerializerOptions.GetTypeInfo(typeof(TState));
        }
        catch (Exception exception) when (exception is NotSupportedException or InvalidOperationException)
        {
            throw new InvalidOperationException($"State '{stateName}' of grain {grainId}: {typeof(TState).Name} cannot be serialized with GrainRuntimeOptions.SerializerOptions ({exception.Message}).", exception);
        }
    }
}
