using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace NordeaConnect.Primitives;

/// <summary>
/// A result code <c>ddd.ddd.ddd</c>: the first group says the kind (<see cref="ResultCodeKind"/>),
/// the second the sub-group, the third the exact outcome.
/// </summary>
[JsonConverter(typeof(ResultCodeJsonConverter))]
public readonly record struct ResultCode
{
    public ResultCode(string value)
    {
        if (!IsWellFormed(value))
        {
            throw new FormatException($"result code '{(value is null ? "null" : AmountSyntax.Show(value))}' is not of the form ddd.ddd.ddd (three groups of three digits separated by dots)");
        }

        Value = value;
    }

    public string Value { get; }

    public ResultCodeKind Kind => (ResultCodeKind)((Value[0] - '0') * 100 + (Value[1] - '0') * 10 + (Value[2] - '0'));

    public bool IsSuccess => Value.StartsWith("000.", StringComparison.Ordinal);

    public static ResultCode Parse(string text) => new(text);

    public static bool TryParse([NotNullWhen(true)] string? text, out ResultCode code)
    {
        code = default;
        if (!IsWellFormed(text))
        {
            return false;
        }

        code = new ResultCode(text);
        return true;
    }

    private static bool IsWellFormed([NotNullWhen(true)] string? text) =>
        text is { Length: 11 } &&
        text[3] == '.' && text[7] == '.' &&
        text.AsSpan(0, 3).IndexOfAnyExceptInRange('0', '9') < 0 &&
        text.AsSpan(4, 3).IndexOfAnyExceptInRange('0', '9') < 0 &&
        text.AsSpan(8, 3).IndexOfAnyExceptInRange('0', '9') < 0 &&
        Enum.IsDefined(typeof(ResultCodeKind), (text[0] - '0') * 100 + (text[1] - '0') * 10 + (text[2] - '0'));

    public override string ToString() => Value;

    // 000: success.
    public static ResultCode Success { get; } = new("000.000.000");
    public static ResultCode TestModeSuccess { get; } = new("000.100.110");
    public static ResultCode Pending { get; } = new("000.200.000");
    public static ResultCode Authorized { get; } = new("000.200.100");

    // 100.100: the request itself is invalid.
    public static ResultCode InvalidArgument { get; } = new("100.100.001");
    public static ResultCode InvalidAmount { get; } = new("100.100.002");
    public static ResultCode InvalidCurrency { get; } = new("100.100.003");
    public static ResultCode InvalidPaymentRef { get; } = new("100.100.004");

    // 100.200: the entity's state does not allow it.
    public static ResultCode RefundExceedsAvailable { get; } = new("100.200.001");
    public static ResultCode CaptureNotAuthorized { get; } = new("100.200.002");
    public static ResultCode CaptureExceedsAuthorized { get; } = new("100.200.003");
    public static ResultCode RefundNotAllowed { get; } = new("100.200.004");
    public static ResultCode CardDetailsLocked { get; } = new("100.200.005");
    public static ResultCode StoredCardNotUsable { get; } = new("100.200.006");
    public static ResultCode NotFound { get; } = new("100.200.404");

    // 100.300: idempotency-key misuse.
    public static ResultCode IdempotencyKeyReused { get; } = new("100.300.001");
    public static ResultCode IdempotencyKeyMalformed { get; } = new("100.300.002");

    // 100.400: the caller's credentials.
    public static ResultCode Unauthenticated { get; } = new("100.400.401");
    public static ResultCode PermissionDenied { get; } = new("100.400.403");

    // 200 / 800 without a code from the reference's table.
    public static ResultCode UpstreamRejected { get; } = new("200.000.000");
    public static ResultCode UpstreamNotFound { get; } = new("200.000.404");
    public static ResultCode UpstreamDeclined { get; } = new("800.000.000");

    // 900.900: trouble on the way to the upstream or inside the gateway.
    public static ResultCode UpstreamTimeout { get; } = new("900.900.001");
    public static ResultCode UpstreamUnavailable { get; } = new("900.900.002");
    public static ResultCode OutcomeUnknown { get; } = new("900.900.003");
    public static ResultCode UpstreamAuthenticationFailed { get; } = new("900.900.004");
    public static ResultCode InternalError { get; } = new("900.900.005");
}

public sealed class ResultCodeJsonConverter : JsonConverter<ResultCode>
{
    public override ResultCode Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
        return ResultCode.TryParse(text, out var code) ? code : throw new JsonException("A result code must be a string of the form ddd.ddd.ddd.");
    }

    public override void Write(Utf8JsonWriter writer, ResultCode value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.Value);
}
