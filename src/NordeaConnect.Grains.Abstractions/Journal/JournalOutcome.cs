using NordeaConnect.Primitives;

namespace NordeaConnect.Grains;

/// <summary>The recorded result of a journaled operation, returned again to a retry with the same key.</summary>
[GenerateSerializer, Immutable, Alias("nordeaconnect.JournalOutcome")]
public sealed record JournalOutcome
{
    [Id(0)]
    public required ResultCode Code { get; init; }

    [Id(1)]
    public required string Description { get; init; }

    /// <summary>The entity the operation made or changed (a refund id, a created transaction's id), when there is one.</summary>
    [Id(2)]
    public long? EntityId { get; init; }

    [Id(3)]
    public UpstreamFailure? UpstreamError { get; init; }
}
