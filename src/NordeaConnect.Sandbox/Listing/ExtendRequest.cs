using System.Text.Json.Nodes;
using NordeaConnect.Sandbox.Errors;

namespace NordeaConnect.Sandbox.Listing;

/// <summary>
/// <c>extend=customer,plan</c> replaces <c>{"id": n}</c> references with full objects; <c>extend=customer.ref</c>
/// adds just that attribute to the reference.
/// </summary>
internal sealed class ExtendRequest
{
    private readonly Dictionary<string, HashSet<string>?> _relations;

    private ExtendRequest(Dictionary<string, HashSet<string>?> relations) => _relations = relations;

    public static ExtendRequest None { get; } = new([]);

    public bool IsEmpty => _relations.Count == 0;

    /// <summary>Parses <c>extend</c> against the relations this resource has.</summary>
    public static ExtendRequest Parse(HttpRequest request, IReadOnlyCollection<string> relations)
    {
        var text = QueryParameters.Single(QueryParameters.Of(request), "extend");
        if (string.IsNullOrWhiteSpace(text))
        {
            return None;
        }

        var parsed = new Dictionary<string, HashSet<string>?>(StringComparer.Ordinal);
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var dot = part.IndexOf('.', StringComparison.Ordinal);
            var relation = dot < 0 ? part : part[..dot];
            if (!relations.Contains(relation) || dot == part.Length - 1)
            {
                throw new ApiException(SandboxErrors.ExtendInvalid, part, relations.Count == 0 ? "nothing" : string.Join(", ", relations));
            }

            if (dot < 0)
            {
                parsed[relation] = null;
            }
            else if (!parsed.TryGetValue(relation, out var attributes) || attributes is not null)
            {
                parsed[relation] = attributes ?? new HashSet<string>(StringComparer.Ordinal);
                parsed[relation]!.Add(part[(dot + 1)..]);
            }
        }

        return new ExtendRequest(parsed);
    }

    /// <summary>Extends one serialized object in place; <paramref name="resolve"/> gives a related object in full.</summary>
    public void Apply(JsonObject target, Func<string, long, JsonObject?> resolve)
    {
        foreach (var (relation, attributes) in _relations)
        {
            if (target[relation] is not JsonObject reference || reference["id"] is not JsonValue idValue || !idValue.TryGetValue<long>(out var id))
            {
                continue;
            }

            if (resolve(relation, id) is not { } full)
            {
                continue;
            }

            if (attributes is null)
            {
                target[relation] = full;
                continue;
            }

            var partial = new JsonObject { ["id"] = id };
            foreach (var attribute in attributes)
            {
                partial[attribute] = full[attribute]?.DeepClone();
            }

            target[relation] = partial;
        }
    }
}
