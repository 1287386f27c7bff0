using System.Text.Json;
using NordeaConnect.Primitives;

namespace NordeaConnect.Grains;

/// <summary>
/// A change to a transaction (<c>PUT /v1/transactions/{id}</c>). Metadata is deep-merged into what the transaction
/// has; card details are accepted only while the transaction is not approved.
/// </summary>
public sealed record TransactionUpdateRequest
{
    public JsonElement? Metadata { get; init; }

    public CardDetails? Card { get; init; }

    /// <summary>False updates without processing a payment (the reference's way to change an approved transaction's metadata).</summary>
    public bool? Process { get; init; }

    public Amount? Amount { get; init; }

    public Amount? VatAmount { get; init; }

    public CurrencyCode? Currency { get; init; }

    public string? CustomerRef { get; init; }

    public IReadOnlyList<Client.Item>? Items { get; init; }
}
