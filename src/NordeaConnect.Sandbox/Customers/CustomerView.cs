using System.Text.Json;
using System.Text.Json.Serialization;

namespace NordeaConnect.Sandbox.Customers;

/// <summary>The customer object.</summary>
internal sealed record CustomerView
{
    [JsonPropertyName("created_at")] public required DateTimeOffset CreatedAt { get; init; }
    [JsonPropertyName("id")] public required long Id { get; init; }
    [JsonPropertyName("metadata")] public JsonElement? Metadata { get; init; }
    [JsonPropertyName("ref")] public required string Ref { get; init; }
    [JsonPropertyName("updated_at")] public required DateTimeOffset UpdatedAt { get; init; }

    public static CustomerView Of(CustomerRecord customer) => new()
    {
        CreatedAt = customer.CreatedAt,
        Id = customer.Id,
        Metadata = customer.Metadata,
        Ref = customer.Ref,
        UpdatedAt = customer.UpdatedAt,
    };
}
