using System.Collections.Immutable;
using System.Text.Json;
using NordeaConnect.Primitives;

namespace NordeaConnect.Grains;

/// <summary>
/// What reconciliation needs to know about a journaled operation: the request's fields (never card data) and what
/// the grain knew upstream held when it recorded the intent.
/// </summary>
[GenerateSerializer, Immutable, Alias("nordeaconnect.OperationDetails")]
public sealed record OperationDetails
{
    [Id(0)]
    public Amount? Amount { get; init; }

    [Id(1)]
    public string? Reason { get; init; }

    /// <summary>
    /// The ids upstream already had at intent time: for a refund, the transaction's refunds, so a new refund with the
    /// same amount and reason can be told apart from an older, equal one; for a creation, transactions earlier
    /// attempts made.
    /// </summary>
    [Id(2)]
    public ImmutableList<long> KnownEntityIds { get; init; } = [];

    /// <summary>For a capture: the transaction's status at intent time.</summary>
    [Id(3)]
    public string? StatusBefore { get; init; }

    /// <summary>For a debt change: the debt read at intent time and the debt the PUT sets.</summary>
    [Id(4)]
    public decimal? DebtBefore { get; init; }

    [Id(5)]
    public decimal? DebtTarget { get; init; }

    /// <summary>For a creation: the payment_ref or customer ref that finds the entity again.</summary>
    [Id(6)]
    public string? Ref { get; init; }

    /// <summary>For an update: the fields the update sets, as upstream should show them afterwards.</summary>
    [Id(7)]
    public long? PlanId { get; init; }

    [Id(8)]
    public string? TargetStatus { get; init; }

    [Id(9)]
    public int? Quantity { get; init; }

    [Id(10)]
    public long? StoredCardId { get; init; }

    [Id(11)]
    public JsonElement? Metadata { get; init; }
}
