using NordeaConnect.Primitives;
using Refit;

namespace NordeaConnect.Client;

/// <summary>The form of <c>PUT /v1/transactions/{id}</c>; null fields are not sent.</summary>
public sealed class TransactionUpdateForm
{
    [AliasAs("amount")]
    public Amount? Amount { get; init; }

    [AliasAs("vat_amount")]
    public Amount? VatAmount { get; init; }

    /// <summary>The lower-case ISO code, e.g. <c>sek</c>.</summary>
    [AliasAs("currency")]
    public string? Currency { get; init; }

    [AliasAs("customer_ref")]
    public string? CustomerRef { get; init; }

    [AliasAs("card_holder")]
    public string? CardHolder { get; init; }

    [AliasAs("card_number")]
    public string? CardNumber { get; init; }

    [AliasAs("card_cvv")]
    public string? CardCvv { get; init; }

    [AliasAs("card_expiry")]
    public string? CardExpiry { get; init; }

    [AliasAs("card_type")]
    public string? CardType { get; init; }

    [AliasAs("encrypted")]
    public string? Encrypted { get; init; }

    [AliasAs("process")]
    public bool? Process { get; init; }

    /// <summary>JSON text merged into the transaction's metadata.</summary>
    [AliasAs("metadata")]
    public string? Metadata { get; init; }

    /// <summary>JSON text of the items array.</summary>
    [AliasAs("items")]
    public string? Items { get; init; }
}
