namespace NordeaConnect.Grains;

/// <summary>What an entity grain keeps durably: the entity as upstream last showed it, when, and the journal.</summary>
internal sealed record CachedEntityState<TSnapshot> : IJournaledState<CachedEntityState<TSnapshot>>
    where TSnapshot : class
{
    public TSnapshot? Entity { get; init; }

    public DateTimeOffset? RefreshedAt { get; init; }

    public OperationJournal Journal { get; init; } = OperationJournal.Empty;

    public CachedEntityState<TSnapshot> WithJournal(OperationJournal journal) => this with { Journal = journal };

    public CachedEntityState<TSnapshot> WithEntity(TSnapshot entity, DateTimeOffset refreshedAt) => this with { Entity = entity, RefreshedAt = refreshedAt };
}
