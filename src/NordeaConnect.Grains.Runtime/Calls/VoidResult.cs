namespace NordeaConnect.Grains.Runtime.Calls;

/// <summary>The result type of grain methods returning Task or ValueTask, so every call has one typed completion path.</summary>
internal readonly struct VoidResult;
