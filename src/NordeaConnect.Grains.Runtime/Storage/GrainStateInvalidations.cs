namespace NordeaConnect.Grains.Runtime.Storage;

/// <summary>Carries "another node wrote this state at this version" from a storage's change listener to the runtime.</summary>
internal sealed class GrainStateInvalidations
{
    private Action<GrainStateKey, long>? _handler;

    public void Subscribe(Action<GrainStateKey, long> handler) => _handler += handler;

    public void Unsubscribe(Action<GrainStateKey, long> handler) => _handler -= handler;

    public void Publish(GrainStateKey key, long version) => _handler?.Invoke(key, version);
}
