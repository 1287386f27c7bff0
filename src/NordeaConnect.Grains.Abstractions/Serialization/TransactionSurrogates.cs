using NordeaConnect.Primitives;

namespace NordeaConnect.Grains.Serialization;

// The REST client's detail objects of a transaction cross the wire as these surrogates, field for field, so the
// grain records can hold the client's types (one shape per entity) without the client knowing Orleans.

/// <summary>What a transaction cost the merchant (the client's <c>TransactionCost</c>).</summary>
[GenerateSerializer, Immutable, Alias("nordeaconnect.TransactionCost")]
public readonly record struct TransactionCostSurrogate(
    [property: Id(0)] decimal? FixedFee,
    [property: Id(1)] decimal? PercentualFee,
    [property: Id(2)] decimal? PercentualExchangeFee,
    [property: Id(3)] string? Total);

[RegisterConverter]
public sealed class TransactionCostConverter : IConverter<Client.TransactionCost, TransactionCostSurrogate>
{
    public Client.TransactionCost ConvertFromSurrogate(in TransactionCostSurrogate surrogate) => new()
    {
        FixedFee = surrogate.FixedFee,
        PercentualFee = surrogate.PercentualFee,
        PercentualExchangeFee = surrogate.PercentualExchangeFee,
        Total = surrogate.Total is { } total ? Amount.Parse(total) : null,
    };

    public TransactionCostSurrogate ConvertToSurrogate(in Client.TransactionCost value) =>
        new(value.FixedFee, value.PercentualFee, value.PercentualExchangeFee, value.Total?.ToUpstreamString());
}

/// <summary>The shopper's browser (the client's <c>ClientInfo</c>).</summary>
[GenerateSerializer, Immutable, Alias("nordeaconnect.ClientInfo")]
public readonly record struct ClientInfoSurrogate(
    [property: Id(0)] string? RawUserAgent,
    [property: Id(1)] string? Browser,
    [property: Id(2)] string? Version,
    [property: Id(3)] string? Platform,
    [property: Id(4)] string? IpAddress,
    [property: Id(5)] string? AcceptLanguage);

[RegisterConverter]
public sealed class ClientInfoConverter : IConverter<Client.ClientInfo, ClientInfoSurrogate>
{
    public Client.ClientInfo ConvertFromSurrogate(in ClientInfoSurrogate surrogate) => new()
    {
        RawUserAgent = surrogate.RawUserAgent,
        Browser = surrogate.Browser,
        Version = surrogate.Version,
        Platform = surrogate.Platform,
        IpAddress = surrogate.IpAddress,
        AcceptLanguage = surrogate.AcceptLanguage,
    };

    public ClientInfoSurrogate ConvertToSurrogate(in Client.ClientInfo value) =>
        new(value.RawUserAgent, value.Browser, value.Version, value.Platform, value.IpAddress, value.AcceptLanguage);
}

/// <summary>The payer and the instrument (the client's <c>PaymentDetails</c>); card numbers are masked upstream.</summary>
[GenerateSerializer, Immutable, Alias("nordeaconnect.PaymentDetails")]
public readonly record struct PaymentDetailsSurrogate
{
    [Id(0)] public long? Id { get; init; }
    [Id(1)] public string? CardNumber { get; init; }
    [Id(2)] public string? CardHolder { get; init; }
    [Id(3)] public string? CardType { get; init; }
    [Id(4)] public string? CustomerNumber { get; init; }
    [Id(5)] public string? PersonalNumber { get; init; }
    [Id(6)] public string? FirstName { get; init; }
    [Id(7)] public string? LastName { get; init; }
    [Id(8)] public string? Zip { get; init; }
    [Id(9)] public string? CountryCode { get; init; }
    [Id(10)] public string? Country { get; init; }
    [Id(11)] public string? Address { get; init; }
    [Id(12)] public string? Address1 { get; init; }
    [Id(13)] public string? Address2 { get; init; }
    [Id(14)] public string? City { get; init; }
    [Id(15)] public string? BankName { get; init; }
    [Id(16)] public string? BankAccountLastDigits { get; init; }
    [Id(17)] public string? Phone { get; init; }
    [Id(18)] public string? Ssn { get; init; }
    [Id(19)] public string? CardIssuer { get; init; }
    [Id(20)] public string? CreditOrDebit { get; init; }
    [Id(21)] public string? CardCountryCode { get; init; }
    [Id(22)] public string? Campaign { get; init; }
    [Id(23)] public string? Segmentation { get; init; }
    [Id(24)] public string? SwishNumber { get; init; }
    [Id(25)] public string? Email { get; init; }
}

[RegisterConverter]
public sealed class PaymentDetailsConverter : IConverter<Client.PaymentDetails, PaymentDetailsSurrogate>
{
    public Client.PaymentDetails ConvertFromSurrogate(in PaymentDetailsSurrogate surrogate) => new()
    {
        Id = surrogate.Id,
        CardNumber = surrogate.CardNumber,
        CardHolder = surrogate.CardHolder,
        CardType = surrogate.CardType,
        CustomerNumber = surrogate.CustomerNumber,
        PersonalNumber = surrogate.PersonalNumber,
        FirstName = surrogate.FirstName,
        LastName = surrogate.LastName,
        Zip = surrogate.Zip,
        CountryCode = surrogate.CountryCode,
        Country = surrogate.Country,
        Address = surrogate.Address,
        Address1 = surrogate.Address1,
        Address2 = surrogate.Address2,
        City = surrogate.City,
        BankName = surrogate.BankName,
        BankAccountLastDigits = surrogate.BankAccountLastDigits,
        Phone = surrogate.Phone,
        Ssn = surrogate.Ssn,
        CardIssuer = surrogate.CardIssuer,
        CreditOrDebit = surrogate.CreditOrDebit,
        CardCountryCode = surrogate.CardCountryCode,
        Campaign = surrogate.Campaign,
        Segmentation = surrogate.Segmentation,
        SwishNumber = surrogate.SwishNumber,
        Email = surrogate.Email,
    };

    public PaymentDetailsSurrogate ConvertToSurrogate(in Client.PaymentDetails value) => new()
    {
        Id = value.Id,
        CardNumber = value.CardNumber,
        CardHolder = value.CardHolder,
        CardType = value.CardType,
        CustomerNumber = value.CustomerNumber,
        PersonalNumber = value.PersonalNumber,
        FirstName = value.FirstName,
        LastName = value.LastName,
        Zip = value.Zip,
        CountryCode = value.CountryCode,
        Country = value.Country,
        Address = value.Address,
        Address1 = value.Address1,
        Address2 = value.Address2,
        City = value.City,
        BankName = value.BankName,
        BankAccountLastDigits = value.BankAccountLastDigits,
        Phone = value.Phone,
        Ssn = value.Ssn,
        CardIssuer = value.CardIssuer,
        CreditOrDebit = value.CreditOrDebit,
        CardCountryCode = value.CardCountryCode,
        Campaign = value.Campaign,
        Segmentation = value.Segmentation,
        SwishNumber = value.SwishNumber,
        Email = value.Email,
    };
}

/// <summary>A webhook attached to a transaction, with its target's last answer (the client's <c>Webhook</c>).</summary>
[GenerateSerializer, Immutable, Alias("nordeaconnect.TransactionWebhook")]
public readonly record struct WebhookSurrogate
{
    [Id(0)] public long Id { get; init; }
    [Id(1)] public DateTimeOffset? CreatedAt { get; init; }
    [Id(2)] public DateTimeOffset? UpdatedAt { get; init; }
    [Id(3)] public string? Type { get; init; }
    [Id(4)] public string? Trigger { get; init; }
    [Id(5)] public string? HttpMethod { get; init; }
    [Id(6)] public string? Email { get; init; }
    [Id(7)] public string? Url { get; init; }
    [Id(8)] public string? DataFormat { get; init; }
    [Id(9)] public int? RetryCount { get; init; }
    [Id(10)] public bool Answered { get; init; }
    [Id(11)] public string? ResponseCode { get; init; }
    [Id(12)] public string? ResponseBody { get; init; }
    [Id(13)] public string? ResponseMessage { get; init; }
    [Id(14)] public string? ResponseError { get; init; }
}

[RegisterConverter]
public sealed class WebhookConverter : IConverter<Client.Webhook, WebhookSurrogate>
{
    public Client.Webhook ConvertFromSurrogate(in WebhookSurrogate surrogate) => new()
    {
        Id = surrogate.Id,
        CreatedAt = surrogate.CreatedAt,
        UpdatedAt = surrogate.UpdatedAt,
        Type = surrogate.Type,
        Trigger = surrogate.Trigger,
        HttpMethod = surrogate.HttpMethod,
        Email = surrogate.Email,
        Url = surrogate.Url,
        DataFormat = surrogate.DataFormat,
        RetryCount = surrogate.RetryCount,
        Response = surrogate.Answered
            ? new Client.WebhookResponse { Code = surrogate.ResponseCode, Body = surrogate.ResponseBody, Message = surrogate.ResponseMessage, Error = surrogate.ResponseError }
            : null,
    };

    public WebhookSurrogate ConvertToSurrogate(in Client.Webhook value) => new()
    {
        Id = value.Id,
        CreatedAt = value.CreatedAt,
        UpdatedAt = value.UpdatedAt,
        Type = value.Type,
        Trigger = value.Trigger,
        HttpMethod = value.HttpMethod,
        Email = value.Email,
        Url = value.Url,
        DataFormat = value.DataFormat,
        RetryCount = value.RetryCount,
        Answered = value.Response is not null,
        ResponseCode = value.Response?.Code,
        ResponseBody = value.Response?.Body,
        ResponseMessage = value.Response?.Message,
        ResponseError = value.Response?.Error,
    };
}

/// <summary>A webhook a caller attaches to a new transaction (the client's <c>WebhookDefinition</c>).</summary>
[GenerateSerializer, Immutable, Alias("nordeaconnect.WebhookDefinition")]
public readonly record struct WebhookDefinitionSurrogate(
    [property: Id(0)] string Trigger,
    [property: Id(1)] string? Url,
    [property: Id(2)] string? HttpMethod,
    [property: Id(3)] string? DataFormat,
    [property: Id(4)] string? Email);

[RegisterConverter]
public sealed class WebhookDefinitionConverter : IConverter<Client.WebhookDefinition, WebhookDefinitionSurrogate>
{
    public Client.WebhookDefinition ConvertFromSurrogate(in WebhookDefinitionSurrogate surrogate) => new()
    {
        Trigger = surrogate.Trigger,
        Url = surrogate.Url,
        HttpMethod = surrogate.HttpMethod,
        DataFormat = surrogate.DataFormat,
        Email = surrogate.Email,
    };

    public WebhookDefinitionSurrogate ConvertToSurrogate(in Client.WebhookDefinition value) =>
        new(value.Trigger, value.Url, value.HttpMethod, value.DataFormat, value.Email);
}
