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

    /// <summary>
    /// After a webhook's re-read: a state that differs from the one held <paramref name="before"/> is counted as a
    /// "webhook" change and announced, and kept only once announced (a failed announcement is found again by the next
    /// re-read); a state that does not differ answers <c>Replayed</c>.
    /// </summary>
    public static OperationResult<T> AnnounceIfChanged<T>(this IEntityChangeSink changes, long id, IPersistentState<CachedEntityState<T>> state, CachedEntityState<T> before, OperationResult<T> read, DateTimeOffset now)
        where T : class, IVersionedSnapshot<T>
    {
        ArgumentNullException.ThrowIfNull(changes);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(read);
        if (read.Value is not { } current || !read.Succeeded || !Differs(before.Entity, current))
        {
            // Nothing new upstream (or nothing read): the answer repeats the state already held.
            return read.Succeeded ? read with { Replayed = true } : read;
        }

        var changed = before.Changed(current, now, "webhook");
        state.State = before;
        changes.Changed(id, changed.Entity!);
        state.State = changed;
        return read with { Value = changed.Entity };
    }

    /// <summary>Whether upstream's state differs from the one cached (the change count aside); no cached state differs from any.</summary>
    public static bool Differs<T>(T? cached, T current)
        where T : class, IVersionedSnapshot<T>
    {
        ArgumentNullException.ThrowIfNull(current);
        return cached is null || JsonSerializer.Serialize(cached.WithChange(EntityChange.FirstRead), ComparedAs) != JsonSerializer.Serialize(current.WithChange(EntityChange.FirstRead), ComparedAs);
    }

    private static readonly JsonSerializerOptions ComparedAs = new(JsonSerializerDefaults.Web);
}
