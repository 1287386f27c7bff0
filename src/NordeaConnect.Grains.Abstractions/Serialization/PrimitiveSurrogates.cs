using System.Text.Json;
using NordeaConnect.Primitives;

namespace NordeaConnect.Grains.Serialization;

// Primitives stays free of Orleans: its value types cross the wire as these surrogates, each in its upstream text form.

[GenerateSerializer, Immutable, Alias("nordeaconnect.Amount")]
public readonly record struct AmountSurrogate([property: Id(0)] string Text);

[RegisterConverter]
public sealed class AmountConverter : IConverter<Amount, AmountSurrogate>
{
    public Amount ConvertFromSurrogate(in AmountSurrogate surrogate) => Amount.Parse(surrogate.Text);

    public AmountSurrogate ConvertToSurrogate(in Amount value) => new(value.ToUpstreamString());
}

/// <summary>A currency code; null stands for a default (never assigned) value, which has no code.</summary>
[GenerateSerializer, Immutable, Alias("nordeaconnect.CurrencyCode")]
public readonly record struct CurrencyCodeSurrogate([property: Id(0)] string? Code);

[RegisterConverter]
public sealed class CurrencyCodeConverter : IConverter<CurrencyCode, CurrencyCodeSurrogate>
{
    public CurrencyCode ConvertFromSurrogate(in CurrencyCodeSurrogate surrogate) =>
        surrogate.Code is { } code ? CurrencyCode.Parse(code) : default;

    public CurrencyCodeSurrogate ConvertToSurrogate(in CurrencyCode value) =>
        new(value.Equals(default(CurrencyCode)) ? null : value.Code);
}

/// <summary>A payment_ref; null stands for a default (never assigned) value.</summary>
[GenerateSerializer, Immutable, Alias("nordeaconnect.PaymentRef")]
public readonly record struct PaymentRefSurrogate([property: Id(0)] string? Value);

[RegisterConverter]
public sealed class PaymentRefConverter : IConverter<PaymentRef, PaymentRefSurrogate>
{
    public PaymentRef ConvertFromSurrogate(in PaymentRefSurrogate surrogate) =>
        surrogate.Value is { } text ? PaymentRef.Parse(text) : default;

    public PaymentRefSurrogate ConvertToSurrogate(in PaymentRef value) =>
        new(value.Equals(default(PaymentRef)) ? null : value.Value);
}

[GenerateSerializer, Immutable, Alias("nordeaconnect.ResultCode")]
public readonly record struct ResultCodeSurrogate([property: Id(0)] string Value);

[RegisterConverter]
public sealed class ResultCodeConverter : IConverter<ResultCode, ResultCodeSurrogate>
{
    public ResultCode ConvertFromSurrogate(in ResultCodeSurrogate surrogate) => ResultCode.Parse(surrogate.Value);

    public ResultCodeSurrogate ConvertToSurrogate(in ResultCode value) => new(value.Value);
}

/// <summary>JSON (metadata) as its text; null stands for an undefined element.</summary>
[GenerateSerializer, Immutable, Alias("nordeaconnect.Json")]
public readonly record struct JsonElementSurrogate([property: Id(0)] string? Json);

[RegisterConverter]
public sealed class JsonElementConverter : IConverter<JsonElement, JsonElementSurrogate>
{
    public JsonElement ConvertFromSurrogate(in JsonElementSurrogate surrogate)
    {
        if (surrogate.Json is not { } json)
        {
            return default;
        }

        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    public JsonElementSurrogate ConvertToSurrogate(in JsonElement value) =>
        new(value.ValueKind == JsonValueKind.Undefined ? null : value.GetRawText());
}
