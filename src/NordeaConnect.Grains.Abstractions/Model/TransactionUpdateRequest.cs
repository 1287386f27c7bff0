using System.Text.Json;
using NordeaConnect.Primitives;

namespace NordeaConnect.Grains;

/// <summary>
/// A change to a transaction (<c>PUT /v1/transactions/{id}</c>). Metadata is deep-merged into what the transaction
/// has; card details are accepted only while the transaction is not approved.
/// </summary>
[GenerateSerializer, Immutable, Alias("nordeaconnect.TransactionUpdateRequest")]
public sealed record TransactionUpdateRequest
{
    [Id(0)]
    public JsonElement? Metadata { get; init; }

    [Id(1)]
    public CardDetails? Card { get; init; }

    /// <summary>False updates without processing a payment (the reference's way to change an approved transaction's metadata).</summary>
    [Id(2)]
    public bool? Process { get; init; }

    [Id(3)]
    public Amount? Amount { get; init; }

    [Id(4)]
    public Amount? VatAmount { get; init; }

    [Id(5)]
    public CurrencyCode? Currency { get; init; }

    [Id(6)]
    public string? CustomerRef { get; init; }

    [Id(7)]
    public IReadOnlyList<Client.Item>? Items { get; init; }

    [Id(8)]
    public string? Encrypted { get; init; }

    /// <summary>en or sv: the language of upstream's texts in the answer; null for upstream's default.</summary>
    [Id(9)]
    public string? Locale { get; init; }
}
