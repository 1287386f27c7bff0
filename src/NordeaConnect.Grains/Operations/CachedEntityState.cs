namespace NordeaConnect.Grains;

/// <summary>What the customer, stored card and plan grains keep durably: the entity as last seen, when, and the journal.</summary>
internal sealed record CachedEntityState<TSnapshot> : ICachedEntityState<CachedEntityState<TSnapshot>, TSnapshot>
    where TSnapshot : class
{
    public TSnapshot? Entity { get; init; }

    public DateTimeOffset? RefreshedAt { get; init; }

    public OperationJournal Journal { get; init; } = OperationJournal.Empty;

    public CachedEntityState<TSnapshot> WithJournal(OperationJournal journal) => this with { Journal = journal };

    public CachedEntityState<TSnapshot> WithEntity(TSnapshot entity, DateTimeOffset refreshedAt) => this with { Entity = entity, RefreshedAt = refreshedAt };
}
