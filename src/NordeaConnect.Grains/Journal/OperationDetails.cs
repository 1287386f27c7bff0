using System.Collections.Immutable;
using System.Text.Json;
using NordeaConnect.Primitives;

namespace NordeaConnect.Grains;

/// <summary>
/// What reconciliation needs to know about a journaled operation: the request's fields (never card data) and what
/// the grain knew upstream held when it recorded the intent.
/// </summary>
public sealed record OperationDetails
{
    public Amount? Amount { get; init; }

    public string? Reason { get; init; }

    /// <summary>
    /// The ids upstream already had at intent time: for a refund, the transaction's refunds, so a new refund with the
    /// same amount and reason can be told apart from an older, equal one; for a creation, transactions earlier
    /// attempts made.
    /// </summary>
    public ImmutableList<long> KnownEntityIds { get; init; } = [];

    /// <summary>For a capture: the transaction's status at intent time.</summary>
    public string? StatusBefore { get; init; }

    /// <summary>For a debt change: the debt read at intent time and the debt the PUT sets.</summary>
    public decimal? DebtBefore { get; init; }

    public decimal? DebtTarget { get; init; }

    /// <summary>For a creation: the payment_ref or customer ref that finds the entity again.</summary>
    public string? Ref { get; init; }

    /// <summary>For an update: the fields the update sets, as upstream should show them afterwards.</summary>
    public long? PlanId { get; init; }

    public string? TargetStatus { get; init; }

    public int? Quantity { get; init; }

    public long? StoredCardId { get; init; }

    public JsonElement? Metadata { get; init; }
}
