using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace NordeaConnect.Sandbox.Templating.Rendering;

/// <summary>
/// The value kinds a render works with and the rules between them. A value is one of: null (nil), string, decimal,
/// bool, <see cref="IReadOnlyList{T}"/> of values (JSON arrays, ranges, split results), <see cref="JsonObject"/>,
/// or a read-only dictionary (<c>forloop</c>).
/// </summary>
internal static class LiquidValues
{
    public static object? FromNode(JsonNode? node) => node switch
    {
        null => null,
        JsonObject obj => obj,
        JsonArray array => new JsonArrayView(array),
        JsonValue value => value.GetValueKind() switch
        {
            JsonValueKind.String => value.GetValue<string>(),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.Number => decimal.TryParse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
                ? number
                : value.ToJsonString(),
            _ => null,
        },
        _ => null,
    };

    public static JsonNode? ToNode(object? value) => value switch
    {
        null => null,
        string text => JsonValue.Create(text),
        decimal number => JsonValue.Create(number),
        bool flag => JsonValue.Create(flag),
        JsonObject obj => obj.DeepClone(),
        JsonArrayView view => view.Array.DeepClone(),
        IReadOnlyDictionary<string, object?> map => new JsonObject(map.Select(pair => KeyValuePair.Create(pair.Key, ToNode(pair.Value)))),
        IReadOnlyList<object?> list => new JsonArray([.. list.Select(ToNode)]),
        _ => JsonValue.Create(value.ToString()),
    };

    /// <summary>
    /// A value as Liquid prints it: lists as their items run together, objects as JSON. Lists are built item by
    /// item and refused once longer than <paramref name="maxLength"/>, so a huge list cannot exhaust memory.
    /// </summary>
    public static string ToText(object? value, int maxLength = 1024 * 1024)
    {
        switch (value)
        {
            case null:
                return string.Empty;
            case string text:
                return text;
            case decimal number:
                return number.ToString(CultureInfo.InvariantCulture);
            case bool flag:
                return flag ? "true" : "false";
            case JsonObject or IReadOnlyDictionary<string, object?>:
                return ToNode(value)!.ToJsonString();
            case IReadOnlyList<object?> list:
                var joined = new System.Text.StringBuilder();
                foreach (var item in list)
                {
                    joined.Append(ToText(item, maxLength));
                    if (joined.Length > maxLength)
                    {
                        throw new LiquidRenderException("A list prints as more than " + maxLength.ToString(CultureInfo.InvariantCulture) + " characters.");
                    }
                }

                return joined.ToString();
            default:
                return value.ToString() ?? string.Empty;
        }
    }

    /// <summary>The start of a value's text, for error messages.</summary>
    public static string Preview(object? value)
    {
        var text = value is IReadOnlyList<object?> { Count: > 20 } ? "(a list)" : ToText(value);
        return text.Length <= 40 ? text : text[..40] + "...";
    }

    /// <summary>As in Liquid, only nil and false are false; empty strings and lists are true.</summary>
    public static bool IsTruthy(object? value) => value is not (null or false);

    public static object? Member(object value, string name) => value switch
    {
        JsonObject obj when obj.TryGetPropertyValue(name, out var node) => FromNode(node),
        JsonObject obj when name == "size" => (decimal)obj.Count,
        IReadOnlyDictionary<string, object?> map when map.TryGetValue(name, out var member) => member,
        IReadOnlyDictionary<string, object?> map when name == "size" => (decimal)map.Count,
        IReadOnlyList<object?> list => name switch
        {
            "first" => list.Count > 0 ? list[0] : null,
            "last" => list.Count > 0 ? list[^1] : null,
            "size" => (decimal)list.Count,
            _ => null,
        },
        string text when name == "size" => (decimal)text.Length,
        _ => null,
    };

    public static object? Index(object value, object? index)
    {
        switch (value)
        {
            case IReadOnlyList<object?> list when TryToDecimal(index, out var number) && number == decimal.Truncate(number):
                var position = number < 0 ? list.Count + number : number;
                return position >= 0 && position < list.Count ? list[(int)position] : null;
            case JsonObject or IReadOnlyDictionary<string, object?> when index is not null:
                return Member(value, ToText(index));
            default:
                return null;
        }
    }

    public static bool AreEqual(object? left, object? right)
    {
        if (left is LiquidEmpty leftEmpty)
        {
            return leftEmpty.Matches(right);
        }

        if (right is LiquidEmpty rightEmpty)
        {
            return rightEmpty.Matches(left);
        }

        if ((left is decimal || right is decimal) && TryToDecimal(left, out var a) && TryToDecimal(right, out var b))
        {
            return a == b;
        }

        return (left, right) switch
        {
            (null, null) => true,
            (string x, string y) => string.Equals(x, y, StringComparison.Ordinal),
            (bool x, bool y) => x == y,
            (IReadOnlyList<object?> x, IReadOnlyList<object?> y) => x.Count == y.Count && x.Zip(y).All(pair => AreEqual(pair.First, pair.Second)),
            (JsonObject x, JsonObject y) => JsonNode.DeepEquals(x, y),
            _ => false,
        };
    }

    /// <summary>
    /// Orders numbers numerically and strings ordinally. A number against a numeric string compares as numbers,
    /// because upstream objects carry amounts as strings ("12.00") and templates compare them with numbers.
    /// Anything else has no order (null), which makes the comparison false.
    /// </summary>
    public static int? Compare(object? left, object? right)
    {
        if ((left is decimal || right is decimal) && TryToDecimal(left, out var a) && TryToDecimal(right, out var b))
        {
            return a.CompareTo(b);
        }

        return left is string x && right is string y ? string.CompareOrdinal(x, y) : null;
    }

    public static bool Contains(object? container, object? item) => container switch
    {
        string text => item is not null && text.Contains(ToText(item), StringComparison.Ordinal),
        IReadOnlyList<object?> list => list.Any(element => AreEqual(element, item)),
        JsonObject obj => item is not null && obj.ContainsKey(ToText(item)),
        IReadOnlyDictionary<string, object?> map => item is not null && map.ContainsKey(ToText(item)),
        _ => false,
    };

    /// <summary>What a <c>for</c> loop walks: lists as they are, an object as [key, value] pairs, nil as nothing, anything else once.</summary>
    public static IReadOnlyList<object?> ToSequence(object? value) => value switch
    {
        null => [],
        IReadOnlyList<object?> list => list,
        JsonObject obj => [.. obj.Select(pair => (object?)new List<object?> { pair.Key, FromNode(pair.Value) })],
        IReadOnlyDictionary<string, object?> map => [.. map.Select(pair => (object?)new List<object?> { pair.Key, pair.Value })],
        _ => [value],
    };

    public static bool TryToDecimal(object? value, out decimal number)
    {
        switch (value)
        {
            case decimal d:
                number = d;
                return true;
            case string text:
                return decimal.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out number);
            default:
                number = 0;
                return false;
        }
    }

    public static long ToInteger(object? value, string what)
    {
        if (TryToDecimal(value, out var number) && number is >= long.MinValue and <= long.MaxValue)
        {
            return (long)decimal.Truncate(number);
        }

        throw new LiquidRenderException("The " + what + " must be a number, not '" + Preview(value) + "'.");
    }
}
