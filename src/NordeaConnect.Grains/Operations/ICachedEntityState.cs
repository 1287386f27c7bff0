namespace NordeaConnect.Grains;

/// <summary>A journaled grain state that also caches one upstream entity and when upstream last told the grain about it.</summary>
internal interface ICachedEntityState<TSelf, TSnapshot> : IJournaledState<TSelf>
    where TSelf : ICachedEntityState<TSelf, TSnapshot>
    where TSnapshot : class
{
    /// <summary>The entity as last seen (a read, or a mutation's response); null before the first read.</summary>
    TSnapshot? Entity { get; }

    DateTimeOffset? RefreshedAt { get; }

    TSelf WithEntity(TSnapshot entity, DateTimeOffset refreshedAt);
}
