using System.Text.Json.Serialization.Metadata;

namespace NordeaConnect.Grains.Runtime;

/// <summary>
/// Creates persistent states explicitly, for grains that want a specific <see cref="JsonTypeInfo{T}"/> (for example from
/// a source-generated JsonSerializerContext). Call it from the grain's constructor: the runtime reads every state created
/// there before <see cref="Grain.OnActivateAsync"/>.
/// </summary>
public interface IPersistentStateFactory
{
    IPersistentState<TState> Create<TState>(Grain grain, string stateName, JsonTypeInfo<TState>? typeInfo = null);
}
