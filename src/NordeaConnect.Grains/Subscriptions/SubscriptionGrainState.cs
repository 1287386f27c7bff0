namespace NordeaConnect.Grains;

/// <summary>What a subscription grain keeps durably.</summary>
internal sealed record SubscriptionGrainState : ICachedEntityState<SubscriptionGrainState, SubscriptionSnapshot>
{
    public SubscriptionSnapshot? Subscription { get; init; }

    public DateTimeOffset? RefreshedAt { get; init; }

    public OperationJournal Journal { get; init; } = OperationJournal.Empty;

    // Explicit, so the stored JSON keeps its "Subscription" property and states already written stay readable.
    SubscriptionSnapshot? ICachedEntityState<SubscriptionGrainState, SubscriptionSnapshot>.Entity => Subscription;

    public SubscriptionGrainState WithJournal(OperationJournal journal) => this with { Journal = journal };

    public SubscriptionGrainState WithEntity(SubscriptionSnapshot entity, DateTimeOffset refreshedAt) => this with { Subscription = entity, RefreshedAt = refreshedAt };
}
