using System.Text.Json.Nodes;
using NordeaConnect.Primitives;

namespace NordeaConnect.Client;

/// <summary>
/// <c>PUT /v1/transactions/{id}</c>: pay a prepared (unprocessed) transaction with card details, or, with
/// <see cref="Process"/> = false and <see cref="Metadata"/>, merge metadata into a processed one.
/// <see cref="ToString"/> never shows card data.
/// </summary>
public sealed class TransactionUpdateOptions
{
    public string? CardHolder { get; init; }

    /// <summary>Never logged.</summary>
    public string? CardNumber { get; init; }

    /// <summary>Never logged.</summary>
    public string? CardCvv { get; init; }

    /// <summary>MMYY. Never logged.</summary>
    public string? CardExpiry { get; init; }

    public string? CardType { get; init; }

    public CurrencyCode? Currency { get; init; }

    public string? Encrypted { get; init; }

    public IReadOnlyList<Item>? Items { get; init; }

    /// <summary>Merged into the transaction's existing metadata.</summary>
    public JsonObject? Metadata { get; init; }

    public Amount? Amount { get; init; }

    public Amount? VatAmount { get; init; }

    public string? CustomerRef { get; init; }

    public bool? Process { get; init; }

    public override string ToString() =>
        $"TransactionUpdateOptions {{ amount = {Amount?.ToString() ?? "unchanged"}, currency = {Currency?.ToString() ?? "unchanged"}, process = {Process switch { true => "true", false => "false", null => "unset" }}, card = {(CardNumber is null ? "none" : "[redacted]")} }}";
}
