using System.Text.Json.Serialization;

namespace NordeaConnect.Sandbox.Transactions;

/// <summary>
/// The reference's <c>payment_details</c> object. For card payments the sandbox fills the card fields and its
/// fictitious issuer; the invoice and bank fields stay null as they do for card payments in the reference.
/// </summary>
internal sealed record PaymentDetailsView
{
    [JsonPropertyName("id")] public required long Id { get; init; }
    [JsonPropertyName("card_number")] public string? CardNumber { get; init; }
    [JsonPropertyName("card_holder")] public string? CardHolder { get; init; }
    [JsonPropertyName("card_type")] public string? CardType { get; init; }
    [JsonPropertyName("customer_number")] public string? CustomerNumber { get; init; }
    [JsonPropertyName("personal_number")] public string? PersonalNumber { get; init; }
    [JsonPropertyName("first_name")] public string? FirstName { get; init; }
    [JsonPropertyName("last_name")] public string? LastName { get; init; }
    [JsonPropertyName("zip")] public string? Zip { get; init; }
    [JsonPropertyName("country_code")] public string? CountryCode { get; init; }
    [JsonPropertyName("country")] public string? Country { get; init; }
    [JsonPropertyName("address")] public string? Address { get; init; }
    [JsonPropertyName("city")] public string? City { get; init; }
    [JsonPropertyName("bank_name")] public string? BankName { get; init; }
    [JsonPropertyName("bank_acc_lastdigits")] public string? BankAccLastdigits { get; init; }
    [JsonPropertyName("phone")] public string? Phone { get; init; }
    [JsonPropertyName("ssn")] public string? Ssn { get; init; }
    [JsonPropertyName("card_issuer")] public string? CardIssuer { get; init; }
    [JsonPropertyName("credit_or_debit")] public string? CreditOrDebit { get; init; }
    [JsonPropertyName("card_country_code")] public string? CardCountryCode { get; init; }
    [JsonPropertyName("campaign")] public string? Campaign { get; init; }
    [JsonPropertyName("segmentation")] public string? Segmentation { get; init; }
    [JsonPropertyName("address_1")] public string? Address1 { get; init; }
    [JsonPropertyName("address_2")] public string? Address2 { get; init; }
    [JsonPropertyName("swish_number")] public string? SwishNumber { get; init; }
    [JsonPropertyName("email")] public string? Email { get; init; }
}
