using System.Globalization;
using System.Text.Json;
using NordeaConnect.Primitives;
using NordeaConnect.Sandbox.Errors;

namespace NordeaConnect.Sandbox.Http;

/// <summary>
/// The parameters of one request, whether sent as a form or as JSON, with typed accessors that refuse a wrong
/// type or value with an error naming the parameter.
/// </summary>
internal sealed class RequestFields
{
    private readonly JsonElement _root;

    public RequestFields(JsonElement root) => _root = root;

    public static RequestFields Empty { get; } = new(JsonDocument.Parse("{}").RootElement.Clone());

    public IEnumerable<string> Names => _root.EnumerateObject().Select(p => p.Name);

    public bool Has(string name) => _root.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null;

    /// <summary>The raw text of a scalar as the caller wrote it (strings unquoted, numbers and booleans as written).</summary>
    public string? OptionalString(string name, int maxLength = 4096)
    {
        if (!_root.TryGetProperty(name, out var value))
        {
            return null;
        }

        var text = value.ValueKind switch
        {
            JsonValueKind.Null => null,
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
            _ => throw new ApiException(SandboxErrors.ParameterInvalid, name, "expected a text value, not an object or array"),
        };
        if (text is not null && text.Length > maxLength)
        {
            throw new ApiException(SandboxErrors.ParameterInvalid, name, $"longer than {maxLength.ToString(CultureInfo.InvariantCulture)} characters");
        }

        return text;
    }

    public string RequiredString(string name, int maxLength = 4096) =>
        OptionalString(name, maxLength) is { Length: > 0 } text ? text : throw new ApiException(SandboxErrors.ParameterMissing, name);

    public bool? OptionalBoolean(string name)
    {
        var text = OptionalString(name, 16);
        return text?.ToUpperInvariant() switch
        {
            null or "" => null,
            "TRUE" or "1" => true,
            "FALSE" or "0" => false,
            _ => throw new ApiException(SandboxErrors.ParameterInvalid, name, "expected true or false"),
        };
    }

    public long? OptionalInteger(string name, long min, long max)
    {
        var text = OptionalString(name, 32);
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            throw new ApiException(SandboxErrors.ParameterInvalid, name,
                $"expected a whole number from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}");
        }

        return value;
    }

    /// <summary>An amount in the upstream's strict form: digits, a dot and exactly two decimals.</summary>
    public Amount? OptionalAmount(string name)
    {
        var text = OptionalString(name, 32);
        if (text is null)
        {
            return null;
        }

        return Amount.TryParse(text, out var amount, out _) ? amount : throw new ApiException(SandboxErrors.AmountInvalid);
    }

    public Amount RequiredAmount(string name) => OptionalAmount(name) ?? throw new ApiException(SandboxErrors.AmountInvalid);

    /// <summary>A signed decimal with at most two decimals (subscription debt may be negative).</summary>
    public decimal? OptionalSignedDecimal(string name)
    {
        var text = OptionalString(name, 32);
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (!decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            || decimal.Round(value, 2) != value || Math.Abs(value) > Amount.MaxValue.Value)
        {
            throw new ApiException(SandboxErrors.ParameterInvalid, name, "expected a decimal such as 12.00 or -5.50");
        }

        return value;
    }

    /// <summary>A JSON object (metadata), refused with <c>errors.metadata.invalid</c> when it is anything else.</summary>
    public JsonElement? OptionalMetadata(string name = "metadata") =>
        OptionalJson(name, SandboxErrors.MetadataInvalid) is { } value
            ? value.ValueKind == JsonValueKind.Object ? value : throw new ApiException(SandboxErrors.MetadataInvalid)
            : null;

    /// <summary>
    /// A JSON object or array, sent either as JSON or (in a form) as JSON text or bracket notation.
    /// </summary>
    public JsonElement? OptionalJson(string name, SandboxError? invalid = null)
    {
        if (!_root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            return value;
        }

        var text = value.GetString()!;
        if (text.Length == 0)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            throw invalid is null ? new ApiException(SandboxErrors.ParameterInvalid, name, "not valid JSON") : new ApiException(invalid);
        }
    }
}
