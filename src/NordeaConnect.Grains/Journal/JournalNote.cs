namespace NordeaConnect.Grains;

/// <summary>One line of an entry's history, so the journal itself explains what happened and why.</summary>
public sealed record JournalNote(DateTimeOffset At, string Text);
