using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Google.Protobuf.WellKnownTypes;
using NordeaConnect.Primitives;

namespace NordeaConnect.Gateway.Tests.ApiWalk;

/// <summary>
/// Compares a gRPC answer with what NordeaConnect.Client returns for the same entity, field by field, both ways:
/// every proto field must equal the REST property of the same wire name (<c>[JsonPropertyName]</c>), and every REST
/// property with a value must have a proto field. A field without a counterpart fails the comparison unless the test
/// names it in <see cref="Pairing.Skip"/> (with its reason in the test) or pairs it by hand in <see cref="Pairing.Pair"/>.
/// Values compare by meaning: amounts and decimals as numbers ("3.10" = 3.1m), currencies by code, instants as
/// instants, JSON (metadata, payment_request, a refund's response) as JSON; proto defaults ("", 0, false, unset)
/// equal an absent REST value.
/// </summary>
public static class FieldComparison
{
    /// <summary>Asserts that <paramref name="message"/> carries exactly what <paramref name="rest"/> carries.</summary>
    public static void AssertSame(IMessage message, object rest, Pairing? pairing = null)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(rest);
        var differences = new List<string>();
        Compare(message, rest, pairing ?? new Pairing(), message.Descriptor.Name, differences);
        Assert.True(differences.Count == 0, "gRPC and REST differ:\n  " + string.Join("\n  ", differences));
    }

    private static void Compare(IMessage message, object rest, Pairing pairing, string path, List<string> differences)
    {
        var properties = WireProperties(rest.GetType());
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var field in message.Descriptor.Fields.InFieldNumberOrder())
        {
            var name = field.Name;
            var at = path + "." + name;
            seen.Add(name);
            if (pairing.Skipped(at, name))
            {
                continue;
            }

            object? restValue;
            if (pairing.Paired(at, name, rest) is { } projection)
            {
                restValue = projection(rest);
            }
            else if (properties.TryGetValue(name, out var property))
            {
                restValue = property.GetValue(rest);
            }
            else
            {
                differences.Add($"{at}: no REST field of that name (pair or skip it)");
                continue;
            }

            CompareValue(field, field.Accessor.GetValue(message), restValue, pairing, at, differences);
        }

        foreach (var (name, property) in properties)
        {
            var at = path + "." + name;
            if (seen.Contains(name) || pairing.Skipped(at, name) || IsAbsent(property.GetValue(rest)))
            {
                continue;
            }

            differences.Add($"{at}: REST has a value but the proto message has no such field");
        }
    }

    private static void CompareValue(FieldDescriptor field, object? grpc, object? rest, Pairing pairing, string at, List<string> differences)
    {
        if (field.IsRepeated)
        {
            var grpcItems = ((IEnumerable)grpc!).Cast<object?>().ToList();
            var restItems = rest is null ? [] : ((IEnumerable)rest).Cast<object?>().ToList();
            if (grpcItems.Count != restItems.Count)
            {
                differences.Add($"{at}: {grpcItems.Count} items over gRPC, {restItems.Count} over REST");
                return;
            }

            for (var i = 0; i < grpcItems.Count; i++)
            {
                CompareScalarOrMessage(field, grpcItems[i], restItems[i], pairing, $"{at}[{i.ToString(CultureInfo.InvariantCulture)}]", differences);
            }

            return;
        }

        CompareScalarOrMessage(field, grpc, rest, pairing, at, differences);
    }

    private static void CompareScalarOrMessage(FieldDescriptor field, object? grpc, object? rest, Pairing pairing, string at, List<string> differences)
    {
        if (field.FieldType == FieldType.Message && grpc is not null and not Timestamp and not Struct and not Value && rest is not null && !IsScalar(rest))
        {
            Compare((IMessage)grpc, rest, pairing, at, differences);
            return;
        }

        var left = Normalize(grpc);
        var right = Normalize(rest);
        if (!Equals(left, right))
        {
            differences.Add($"{at}: gRPC {Show(left)}, REST {Show(right)}");
        }
    }

    /// <summary>Both sides in one comparable form: null for "absent", decimals, instants, JSON text.</summary>
    private static object? Normalize(object? value) => value switch
    {
        null => null,
        string { Length: 0 } => null,
        string text when decimal.TryParse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) => number,
        string text => text,
        bool flag => flag ? true : null,
        int number => number == 0 ? null : (decimal)number,
        long number => number == 0 ? null : (decimal)number,
        decimal number => number,
        double number => (decimal)number,
        Amount amount => amount.Value,
        CurrencyCode currency => currency.Code,
        PaymentRef paymentRef => paymentRef.Value,
        DateTimeOffset instant => instant.ToUniversalTime(),
        DateTime instant => new DateTimeOffset(instant.ToUniversalTime()),
        Timestamp timestamp => timestamp.ToDateTimeOffset(),
        Struct json => Json(JsonFormatter.Default.Format(json)),
        Value json => Json(JsonFormatter.Default.Format(json)),
        JsonElement { ValueKind: JsonValueKind.Null or JsonValueKind.Undefined } => null,
        JsonElement json => Json(json.GetRawText()),
        IMessage message when message.CalculateSize() == 0 => null,
        _ => value,
    };

    // JSON compared as canonical text: numbers as decimals, objects with sorted keys.
    private static string Json(string text)
    {
        using var document = JsonDocument.Parse(text);
        return Canonical(document.RootElement);
    }

    private static string Canonical(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => "{" + string.Join(",", element.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal).Select(p => JsonSerializer.Serialize(p.Name) + ":" + Canonical(p.Value))) + "}",
        JsonValueKind.Array => "[" + string.Join(",", element.EnumerateArray().Select(Canonical)) + "]",
        JsonValueKind.Number => element.GetDecimal().ToString(CultureInfo.InvariantCulture),
        _ => element.GetRawText(),
    };

    private static bool IsScalar(object value) =>
        value is string or bool or int or long or decimal or double or Amount or CurrencyCode or PaymentRef or DateTimeOffset or DateTime or JsonElement;

    private static bool IsAbsent(object? value) => value switch
    {
        null => true,
        string { Length: 0 } => true,
        JsonElement { ValueKind: JsonValueKind.Null or JsonValueKind.Undefined } => true,
        ICollection { Count: 0 } => true,
        _ => false,
    };

    private static string Show(object? value) => value switch
    {
        null => "(absent)",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => "'" + value + "'",
    };

    private static Dictionary<string, PropertyInfo> WireProperties(System.Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(p => (Property: p, Name: p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name))
            .Where(p => p.Name is not null)
            .ToDictionary(p => p.Name!, p => p.Property, StringComparer.Ordinal);

    /// <summary>
    /// Which fields a comparison leaves out or pairs by hand. Names are either a bare wire name (<c>request_hash</c>,
    /// everywhere) or a path from the top message without list indices (<c>Transaction.refunds.cost</c>).
    /// </summary>
    public sealed class Pairing
    {
        private readonly HashSet<string> _skipped = new(StringComparer.Ordinal);
        private readonly Dictionary<string, (System.Type RestType, Func<object, object?> Read)> _paired = new(StringComparer.Ordinal);

        /// <summary>Leaves fields out of the comparison (both directions): gateway-derived ones, or ones deliberately not exposed.</summary>
        public Pairing Skip(params string[] names)
        {
            foreach (var name in names)
            {
                _skipped.Add(name);
            }

            return this;
        }

        /// <summary>Compares the proto field <paramref name="name"/> with what <paramref name="projection"/> reads from the REST object.</summary>
        public Pairing Pair<TRest>(string name, Func<TRest, object?> projection)
        {
            _paired[name] = (typeof(TRest), rest => projection((TRest)rest));
            return this;
        }

        internal bool Skipped(string path, string name) => _skipped.Contains(WithoutIndices(path)) || _skipped.Contains(name);

        // A pairing applies only to the REST type it was written for, so a bare name may recur on other entities.
        internal Func<object, object?>? Paired(string path, string name, object rest) =>
            (_paired.TryGetValue(WithoutIndices(path), out var pair) || _paired.TryGetValue(name, out pair)) && pair.RestType.IsInstanceOfType(rest) ? pair.Read : null;

        // "Transaction.refunds[0].cost" is named "Transaction.refunds.cost": a pairing holds for every element.
        private static string WithoutIndices(string path) => System.Text.RegularExpressions.Regex.Replace(path, @"\[\d+\]", string.Empty);
    }
}
