using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace NordeaConnect.Primitives;

/// <summary>The merchant's order reference: 1-12 printable characters, the key that makes order creation idempotent.</summary>
[JsonConverter(typeof(PaymentRefJsonConverter))]
public readonly struct PaymentRef : IEquatable<PaymentRef>
{
    public const int MaxLength = 12;

    private readonly string? _value;

    private PaymentRef(string value) => _value = value;

    public string Value => _value ?? throw new InvalidOperationException("This PaymentRef was never assigned; use PaymentRef.Parse.");

    public static PaymentRef Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, out var paymentRef, out var error) ? paymentRef : throw new FormatException(error);
    }

    public static bool TryParse([NotNullWhen(true)] string? text, out PaymentRef paymentRef, [NotNullWhen(false)] out string? error)
    {
        paymentRef = default;
        error = Check(text);
        if (error is not null)
        {
            return false;
        }

        paymentRef = new PaymentRef(text!);
        return true;
    }

    private static string? Check(string? text)
    {
        const string Rule = "a payment_ref is 1 to 12 printable characters without leading or trailing whitespace";
        if (string.IsNullOrEmpty(text))
        {
            return "payment_ref is missing: " + Rule;
        }

        var shown = AmountSyntax.Show(text);
        if (text.Length > MaxLength)
        {
            return $"payment_ref '{shown}' is {text.Length} characters long: {Rule}";
        }

        if (text.Any(char.IsControl) || text.Any(char.IsSurrogate))
        {
            return $"payment_ref '{shown}' contains control or non-BMP characters: {Rule}";
        }

        if (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1]))
        {
            return $"payment_ref '{shown}' has leading or trailing whitespace: {Rule}";
        }

        return null;
    }

    public override string ToString() => Value;

    public bool Equals(PaymentRef other) => string.Equals(_value, other._value, StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is PaymentRef other && Equals(other);

    public override int GetHashCode() => _value is null ? 0 : StringComparer.Ordinal.GetHashCode(_value);

    public static bool operator ==(PaymentRef left, PaymentRef right) => left.Equals(right);

    public static bool operator !=(PaymentRef left, PaymentRef right) => !left.Equals(right);
}

public sealed class PaymentRefJsonConverter : JsonConverter<PaymentRef>
{
    public override PaymentRef Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.TokenType switch
        {
            JsonTokenType.String => reader.GetString()!,
            // The reference's examples sometimes show numeric references; read them as their digits.
            JsonTokenType.Number => System.Text.Encoding.UTF8.GetString(reader.ValueSpan),
            _ => throw new JsonException($"A payment_ref must be a JSON string, not {reader.TokenType}."),
        };
        return PaymentRef.TryParse(text, out var value, out var error) ? value : throw new JsonException(error);
    }

    public override void Write(Utf8JsonWriter writer, PaymentRef value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.Value);
}
