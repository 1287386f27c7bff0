namespace NordeaConnect.Grains;

/// <summary>One line of an entry's history, so the journal itself explains what happened and why.</summary>
[GenerateSerializer, Immutable, Alias("nordeaconnect.JournalNote")]
public sealed record JournalNote([property: Id(0)] DateTimeOffset At, [property: Id(1)] string Text);
