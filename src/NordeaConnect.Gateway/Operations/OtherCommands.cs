using System.Text.Json;
using NordeaConnect.Primitives;
using Upstream = NordeaConnect.Client;

namespace NordeaConnect.Gateway.Operations;

/// <summary>A billing plan to create.</summary>
public sealed record PlanCreation(string Name, string IntervalUnit, int Interval)
{
    public string? Description { get; init; }

    /// <summary>0 = forever.</summary>
    public int Periods { get; init; }

    public int TrialLength { get; init; }

    public IReadOnlyDictionary<CurrencyCode, Amount> Prices { get; init; } = new Dictionary<CurrencyCode, Amount>();

    public IReadOnlyDictionary<CurrencyCode, Amount> SetupFees { get; init; } = new Dictionary<CurrencyCode, Amount>();
}

/// <summary>What a caller may change on a subscription; null means "leave as is".</summary>
public sealed record SubscriptionUpdate
{
    /// <summary>Replaces the debt (signed); AddDebt adds to it instead.</summary>
    public decimal? Debt { get; init; }

    public long? PlanId { get; init; }

    /// <summary>active or cancelled.</summary>
    public string? Status { get; init; }

    public int? Quantity { get; init; }

    /// <summary>Merged into the existing metadata.</summary>
    public JsonElement? Metadata { get; init; }

    public long? StoredCardId { get; init; }

    /// <summary>Replaces the items (an empty list removes them all); null keeps them.</summary>
    public IReadOnlyList<Upstream.Item>? Items { get; init; }
}

/// <summary>A customer to create; keyed by <see cref="Ref"/> when given.</summary>
public sealed record CustomerCreation(string? Ref, JsonElement? Metadata);

/// <summary>A webhook template to create (all fields) or update (only the non-null ones).</summary>
public sealed record WebhookTemplateFields
{
    public string? Trigger { get; init; }

    public string? Type { get; init; }

    public string? Url { get; init; }

    public string? Email { get; init; }

    public string? HttpMethod { get; init; }

    public string? DataFormat { get; init; }

    public string? Body { get; init; }

    public string? CustomHeaders { get; init; }

    public string? Sender { get; init; }
}
