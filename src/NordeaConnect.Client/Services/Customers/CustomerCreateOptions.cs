using System.Text.Json.Nodes;

namespace NordeaConnect.Client;

/// <summary><c>POST /v1/customers</c>. Both fields are optional; the upstream generates a ref when none is given.</summary>
public sealed class CustomerCreateOptions
{
    /// <summary>The merchant's own id for the customer.</summary>
    public string? Ref { get; init; }

    public JsonObject? Metadata { get; init; }
}
