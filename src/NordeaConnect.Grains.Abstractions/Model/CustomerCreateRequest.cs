using System.Text.Json;

namespace NordeaConnect.Grains;

/// <summary>A new customer. Without a ref, upstream generates one.</summary>
[GenerateSerializer, Immutable, Alias("nordeaconnect.CustomerCreateRequest")]
public sealed record CustomerCreateRequest
{
    [Id(0)]
    public string? Ref { get; init; }

    [Id(1)]
    public JsonElement? Metadata { get; init; }
}
