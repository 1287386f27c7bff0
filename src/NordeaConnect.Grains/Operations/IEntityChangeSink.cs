namespace NordeaConnect.Grains;

/// <summary>
/// Hears of every change an entity grain makes or learns of, with the state it led to (whose
/// <see cref="IVersionedSnapshot{TSelf}.Change"/> carries the version). Called inside the grain's turn, so one
/// entity's changes arrive in version order. The host provides one (the gateway's change feed and outbox); without
/// one, changes are not announced.
/// </summary>
public interface IEntityChangeSink
{
    void Changed<TSnapshot>(long id, TSnapshot snapshot)
        where TSnapshot : class, IVersionedSnapshot<TSnapshot>;
}

/// <summary>The sink of a silo whose host announces no changes.</summary>
internal sealed class UnannouncedEntityChanges : IEntityChangeSink
{
    public void Changed<TSnapshot>(long id, TSnapshot snapshot)
        where TSnapshot : class, IVersionedSnapshot<TSnapshot>
    {
    }
}
