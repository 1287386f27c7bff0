using System.Collections.Frozen;
using System.Text.Json;

namespace NordeaConnect.Sandbox.Listing;

/// <summary>What a resource's list supports: its filterable fields, its id and, when it has one, its metadata.</summary>
internal sealed class ResourceSchema<T>
{
    public ResourceSchema(string resourceName, Func<T, long> id, IEnumerable<ListField<T>> fields, Func<T, JsonElement?>? metadata = null)
    {
        ResourceName = resourceName;
        Id = id;
        Fields = fields.ToFrozenDictionary(f => f.Name, StringComparer.Ordinal);
        Metadata = metadata;
        FieldList = string.Join(", ", Fields.Keys.Order(StringComparer.Ordinal)) + (metadata is null ? string.Empty : ", metadata.<path>");
    }

    public string ResourceName { get; }

    public Func<T, long> Id { get; }

    public FrozenDictionary<string, ListField<T>> Fields { get; }

    public Func<T, JsonElement?>? Metadata { get; }

    /// <summary>The supported fields, for error messages.</summary>
    public string FieldList { get; }
}
