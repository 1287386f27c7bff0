using NordeaConnect.Primitives;

namespace NordeaConnect.Grains;

/// <summary>Why the service refuses an operation before calling upstream: a <c>100.x</c> code and a sentence for the caller.</summary>
[GenerateSerializer, Immutable, Alias("nordeaconnect.Refusal")]
public sealed record Refusal([property: Id(0)] ResultCode Code, [property: Id(1)] string Description);
