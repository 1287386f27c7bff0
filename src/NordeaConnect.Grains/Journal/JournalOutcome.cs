using NordeaConnect.Primitives;

namespace NordeaConnect.Grains;

/// <summary>The recorded result of a journaled operation, returned again to a retry with the same key.</summary>
public sealed record JournalOutcome
{
    public required ResultCode Code { get; init; }

    public required string Description { get; init; }

    /// <summary>The entity the operation made or changed (a refund id, a created transaction's id), when there is one.</summary>
    public long? EntityId { get; init; }

    public UpstreamFailure? UpstreamError { get; init; }
}
