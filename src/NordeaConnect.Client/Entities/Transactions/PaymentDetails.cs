using System.Text.Json.Serialization;
using NordeaConnect.Client.Serialization;

namespace NordeaConnect.Client;

/// <summary>Details of the payer and the payment instrument. Card numbers here are masked by the upstream.</summary>
public sealed class PaymentDetails
{
    [JsonPropertyName("id")]
    public long? Id { get; init; }

    [JsonPropertyName("card_number")]
    public string? CardNumber { get; init; }

    [JsonPropertyName("card_holder")]
    public string? CardHolder { get; init; }

    [JsonPropertyName("card_type")]
    public string? CardType { get; init; }

    [JsonPropertyName("customer_number")]
    [JsonConverter(typeof(LenientStringConverter))]
    public string? CustomerNumber { get; init; }

    [JsonPropertyName("personal_number")]
    public string? PersonalNumber { get; init; }

    [JsonPropertyName("first_name")]
    public string? FirstName { get; init; }

    [JsonPropertyName("last_name")]
    public string? LastName { get; init; }

    [JsonPropertyName("zip")]
    [JsonConverter(typeof(LenientStringConverter))]
    public string? Zip { get; init; }

    [JsonPropertyName("country_code")]
    public string? CountryCode { get; init; }

    [JsonPropertyName("country")]
    public string? Country { get; init; }

    [JsonPropertyName("address")]
    public string? Address { get; init; }

    [JsonPropertyName("address_1")]
    public string? Address1 { get; init; }

    [JsonPropertyName("address_2")]
    public string? Address2 { get; init; }

    [JsonPropertyName("city")]
    public string? City { get; init; }

    [JsonPropertyName("bank_name")]
    public string? BankName { get; init; }

    [JsonPropertyName("bank_acc_lastdigits")]
    [JsonConverter(typeof(LenientStringConverter))]
    public string? BankAccountLastDigits { get; init; }

    [JsonPropertyName("phone")]
    [JsonConverter(typeof(LenientStringConverter))]
    public string? Phone { get; init; }

    [JsonPropertyName("ssn")]
    [JsonConverter(typeof(LenientStringConverter))]
    public string? Ssn { get; init; }

    [JsonPropertyName("card_issuer")]
    public string? CardIssuer { get; init; }

    [JsonPropertyName("credit_or_debit")]
    public string? CreditOrDebit { get; init; }

    [JsonPropertyName("card_country_code")]
    public string? CardCountryCode { get; init; }

    [JsonPropertyName("campaign")]
    public string? Campaign { get; init; }

    [JsonPropertyName("segmentation")]
    public string? Segmentation { get; init; }

    [JsonPropertyName("swish_number")]
    [JsonConverter(typeof(LenientStringConverter))]
    public string? SwishNumber { get; init; }

    [JsonPropertyName("email")]
    public string? Email { get; init; }
}
