namespace NordeaConnect.Grains;

/// <summary>What a payment_ref's creation grain keeps: the transaction it created, and the journal of its attempts.</summary>
internal sealed record TransactionCreationState : IJournaledState<TransactionCreationState>
{
    public long? TransactionId { get; init; }

    public OperationJournal Journal { get; init; } = OperationJournal.Empty;

    public TransactionCreationState WithJournal(OperationJournal journal) => this with { Journal = journal };
}
