using System.Text.Json.Serialization;
using NordeaConnect.Client.Serialization;

namespace NordeaConnect.Client;

/// <summary>
/// A product line sent with a transaction or subscription (the reference's "Items"): required for invoice
/// payments, and an extra charge on top of the plan price for subscriptions. Sent and read as the reference's
/// example shows: <c>[{"artno":"001","amount":1,"description":"user license2","qty":1,"vat":25,"discount":0}]</c>.
/// </summary>
public sealed class Item
{
    /// <summary>Article number, at most 50 characters.</summary>
    [JsonPropertyName("artno")]
    [JsonConverter(typeof(LenientStringConverter))]
    public string? ArticleNumber { get; init; }

    /// <summary>Description of the item, at most 150 characters.</summary>
    [JsonPropertyName("description")]
    public string? Description { get; init; }

    /// <summary>The total price of all the items of this line.</summary>
    [JsonPropertyName("amount")]
    public decimal? Amount { get; init; }

    /// <summary>The item quantity.</summary>
    [JsonPropertyName("qty")]
    public decimal? Quantity { get; init; }

    /// <summary>VAT rate in percent, e.g. 25 (not verified upstream).</summary>
    [JsonPropertyName("vat")]
    public decimal? VatRate { get; init; }

    /// <summary>Discount of the line (not verified upstream).</summary>
    [JsonPropertyName("discount")]
    public decimal? Discount { get; init; }

    /// <summary>Free-text notes of the line (invoice payments).</summary>
    [JsonPropertyName("notes")]
    public string? Notes { get; init; }
}
