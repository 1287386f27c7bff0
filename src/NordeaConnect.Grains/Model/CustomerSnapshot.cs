using System.Text.Json;

namespace NordeaConnect.Grains;

/// <summary>A customer: the owner of transactions, stored cards and subscriptions.</summary>
public sealed record CustomerSnapshot
{
    public required long Id { get; init; }

    /// <summary>The merchant's own id for the customer.</summary>
    public string? Ref { get; init; }

    public JsonElement? Metadata { get; init; }

    public DateTimeOffset? CreatedAt { get; init; }

    public DateTimeOffset? UpdatedAt { get; init; }
}
