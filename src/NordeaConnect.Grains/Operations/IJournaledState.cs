namespace NordeaConnect.Grains;

/// <summary>A grain state that carries an operation journal.</summary>
internal interface IJournaledState<TSelf>
    where TSelf : IJournaledState<TSelf>
{
    OperationJournal Journal { get; }

    TSelf WithJournal(OperationJournal journal);
}
