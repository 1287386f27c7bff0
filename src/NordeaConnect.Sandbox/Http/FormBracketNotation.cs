using System.Text.Json.Nodes;
using NordeaConnect.Sandbox.Errors;

namespace NordeaConnect.Sandbox.Http;

/// <summary>
/// Rails-style nested form keys (<c>metadata[user][email]=x</c>, <c>items[][artno]=1</c>), which the reference's
/// Ruby and PHP libraries send for objects; a plain key keeps its last value.
/// </summary>
internal static class FormBracketNotation
{
    private const int MaxDepth = 16;

    public static void Assign(JsonObject root, string key, string value)
    {
        var open = key.IndexOf('[', StringComparison.Ordinal);
        if (open <= 0)
        {
            root[key] = value;
            return;
        }

        var segments = new List<string> { key[..open] };
        var rest = key[open..];
        while (rest.Length > 0)
        {
            var close = rest.IndexOf(']', StringComparison.Ordinal);
            if (rest[0] != '[' || close < 0)
            {
                throw new ApiException(SandboxErrors.BadFormat);
            }

            segments.Add(rest[1..close]);
            rest = rest[(close + 1)..];
        }

        if (segments.Count > MaxDepth)
        {
            throw new ApiException(SandboxErrors.BadFormat);
        }

        JsonNode container = root;
        for (var i = 0; i < segments.Count; i++)
        {
            var last = i == segments.Count - 1;
            JsonNode NewChild() => last ? JsonValue.Create(value) : (segments[i + 1].Length == 0 ? new JsonArray() : new JsonObject());
            switch (container)
            {
                case JsonObject obj:
                    if (last)
                    {
                        obj[segments[i]] = value;
                    }
                    else
                    {
                        if (obj[segments[i]] is not (JsonObject or JsonArray))
                        {
                            obj[segments[i]] = NewChild();
                        }

                        container = obj[segments[i]]!;
                    }

                    break;
                case JsonArray array when segments[i].Length == 0:
                    // items[][artno]=1&items[][qty]=2: a field already present on the last element starts a new element.
                    if (last)
                    {
                        array.Add(value);
                    }
                    else
                    {
                        var field = segments[i + 1];
                        if (array.Count == 0 || array[^1] is not JsonObject tail || tail.ContainsKey(field) && i + 1 == segments.Count - 1)
                        {
                            array.Add(NewChild());
                        }

                        container = array[^1]!;
                    }

                    break;
                default:
                    throw new ApiException(SandboxErrors.BadFormat);
            }
        }
    }
}
