namespace NordeaConnect.Grains;

/// <summary>What an entity grain keeps durably: the entity as upstream last showed it, when, and the journal.</summary>
internal sealed record CachedEntityState<TSnapshot> : IJournaledState<CachedEntityState<TSnapshot>>
    where TSnapshot : class
{
    public TSnapshot? Entity { get; init; }

    public DateTimeOffset? RefreshedAt
    {
        get => _refreshedAtUtcTicks == 0 ? null : new DateTimeOffset(_refreshedAtUtcTicks, TimeSpan.Zero);
        init => _refreshedAtUtcTicks = value?.UtcTicks ?? 0;
    }

    // The same instant as UTC ticks (0: never): 8 bytes where a DateTimeOffset? takes 24, in every cached entity.
    private readonly long _refreshedAtUtcTicks;

    public OperationJournal Journal { get; init; } = OperationJournal.Empty;

    public CachedEntityState<TSnapshot> WithJournal(OperationJournal journal) => this with { Journal = journal };

    public CachedEntityState<TSnapshot> WithEntity(TSnapshot entity, DateTimeOffset refreshedAt) => this with { Entity = SharedValues.Compact(entity), RefreshedAt = refreshedAt };

    public CachedEntityState<TSnapshot> Compacted() =>
        Entity is { } entity && SharedValues.Compact(entity) is var compact && !ReferenceEquals(compact, entity) ? this with { Entity = compact } : this;
}
