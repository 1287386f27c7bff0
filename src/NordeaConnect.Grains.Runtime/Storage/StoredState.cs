namespace NordeaConnect.Grains.Runtime.Storage;

/// <summary>A stored state: its JSON (null after a clear, the version sequence goes on) and its version.</summary>
internal sealed record StoredState(string? Json, long Version);
