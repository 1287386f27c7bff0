namespace NordeaConnect.Grains;

/// <summary>The subscription calls the grains make upstream (see <see cref="ITransactionUpstream"/> for the error contract).</summary>
internal interface ISubscriptionUpstream
{
    Task<SubscriptionSnapshot> GetAsync(long subscriptionId, CancellationToken cancellationToken);

    /// <summary>PUTs only the fields set; metadata is already the merged whole, debt the absolute new debt.</summary>
    Task<SubscriptionSnapshot> UpdateAsync(long subscriptionId, SubscriptionChange change, CancellationToken cancellationToken);
}

/// <summary>The fields of one subscription PUT.</summary>
internal sealed record SubscriptionChange
{
    public decimal? Debt { get; init; }

    public long? PlanId { get; init; }

    public string? Status { get; init; }

    public int? Quantity { get; init; }

    public System.Text.Json.JsonElement? Metadata { get; init; }

    public long? StoredCardId { get; init; }

    public IReadOnlyList<Client.Item>? Items { get; init; }
}
