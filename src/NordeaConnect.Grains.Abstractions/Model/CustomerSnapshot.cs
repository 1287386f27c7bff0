using System.Text.Json;

namespace NordeaConnect.Grains;

/// <summary>A customer: the owner of transactions, stored cards and subscriptions.</summary>
[GenerateSerializer, Immutable, Alias("nordeaconnect.CustomerSnapshot")]
public sealed record CustomerSnapshot : IVersionedSnapshot<CustomerSnapshot>
{
    [Id(0)]
    public required long Id { get; init; }

    /// <summary>The merchant's own id for the customer.</summary>
    [Id(1)]
    public string? Ref { get; init; }

    [Id(2)]
    public JsonElement? Metadata { get; init; }

    [Id(3)]
    public DateTimeOffset? CreatedAt { get; init; }

    [Id(4)]
    public DateTimeOffset? UpdatedAt { get; init; }

    /// <summary>The change count of this state, as the entity's grain keeps it.</summary>
    [Id(5)]
    public EntityChange? Change { get; init; }

    public CustomerSnapshot WithChange(EntityChange change) => this with { Change = change };
}
