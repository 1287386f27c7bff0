namespace NordeaConnect.Grains;

/// <summary>What a subscription grain keeps durably.</summary>
internal sealed record SubscriptionGrainState : IJournaledState<SubscriptionGrainState>
{
    public SubscriptionSnapshot? Subscription { get; init; }

    public DateTimeOffset? RefreshedAt { get; init; }

    public OperationJournal Journal { get; init; } = OperationJournal.Empty;

    public SubscriptionGrainState WithJournal(OperationJournal journal) => this with { Journal = journal };
}
