using NordeaConnect.Primitives;

namespace NordeaConnect.Grains;

/// <summary>Why the service refuses an operation before calling upstream: a <c>100.x</c> code and a sentence for the caller.</summary>
public sealed record Refusal(ResultCode Code, string Description);
