namespace NordeaConnect.Grains.Runtime;

/// <summary>
/// On a grain constructor parameter of type <see cref="IPersistentState{TState}"/>: injects the state stored under this
/// name for the grain, serialized with <see cref="GrainRuntimeOptions.SerializerOptions"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class PersistentStateAttribute : Attribute
{
    public PersistentStateAttribute(string stateName)
    {
        PersistentStateName.Validate(stateName, nameof(stateName));
        StateName = stateName;
    }

    public string StateName { get; }
}
