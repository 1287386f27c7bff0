namespace NordeaConnect.Grains;

/// <summary>A grain state that carries an operation journal.</summary>
internal interface IJournaledState<TSelf>
    where TSelf : IJournaledState<TSelf>
{
    OperationJournal Journal { get; }

    TSelf WithJournal(OperationJournal journal);

    /// <summary>The same state holding shared instances of its repeated values (<see cref="SharedValues"/>); itself when there are none.</summary>
    TSelf Compacted() => (TSelf)this;
}
