using System.Text.Json;

namespace NordeaConnect.Grains;

/// <summary>
/// The change count an entity grain keeps with its cached entity: a read carries the count on (1 for the first state
/// the grain knows), a change the grain makes or learns of adds one. Kept in the grain state, so it survives
/// deactivation and, with PostgreSQL, restarts.
/// </summary>
internal static class EntityChangeCounting
{
    /// <summary>The entity as upstream shows it now, under the change count the grain already had.</summary>
    public static CachedEntityState<T> Observed<T>(this CachedEntityState<T> state, T entity, DateTimeOffset at)
        where T : class, IVersionedSnapshot<T> =>
        state.WithEntity(entity.WithChange(state.Entity?.Change ?? EntityChange.FirstRead), at);

    /// <summary>The entity after a change, counted as the next version.</summary>
    public static CachedEntityState<T> Changed<T>(this CachedEntityState<T> state, T entity, DateTimeOffset at, string reason)
        where T : class, IVersionedSnapshot<T> =>
        state.WithEntity(entity.WithChange(state.Entity?.Change?.Next(reason) ?? new EntityChange(1, reason)), at);

    /// <summary>Whether upstream's state differs from the one cached (the change count aside); no cached state differs from any.</summary>
    public static bool Differs<T>(T? cached, T current)
        where T : class, IVersionedSnapshot<T>
    {
        ArgumentNullException.ThrowIfNull(current);
        return cached is null || JsonSerializer.Serialize(cached.WithChange(EntityChange.FirstRead), ComparedAs) != JsonSerializer.Serialize(current.WithChange(EntityChange.FirstRead), ComparedAs);
    }

    private static readonly JsonSerializerOptions ComparedAs = new(JsonSerializerDefaults.Web);
}
