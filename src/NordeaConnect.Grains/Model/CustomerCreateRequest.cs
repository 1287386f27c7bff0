using System.Text.Json;

namespace NordeaConnect.Grains;

/// <summary>A new customer. Without a ref, upstream generates one.</summary>
public sealed record CustomerCreateRequest
{
    public string? Ref { get; init; }

    public JsonElement? Metadata { get; init; }
}
