namespace NordeaConnect.Grains;

/// <summary>What a transaction grain keeps durably: the transaction as last seen, when it was read, and the journal.</summary>
internal sealed record TransactionGrainState : ICachedEntityState<TransactionGrainState, TransactionSnapshot>
{
    public TransactionSnapshot? Transaction { get; init; }

    /// <summary>When upstream last told this grain about the transaction (a read, or a mutation's response).</summary>
    public DateTimeOffset? RefreshedAt { get; init; }

    public OperationJournal Journal { get; init; } = OperationJournal.Empty;

    // Explicit, so the stored JSON keeps its "Transaction" property and states already written stay readable.
    TransactionSnapshot? ICachedEntityState<TransactionGrainState, TransactionSnapshot>.Entity => Transaction;

    public TransactionGrainState WithJournal(OperationJournal journal) => this with { Journal = journal };

    public TransactionGrainState WithEntity(TransactionSnapshot entity, DateTimeOffset refreshedAt) => this with { Transaction = entity, RefreshedAt = refreshedAt };
}
