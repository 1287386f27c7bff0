using System.Text.Json.Nodes;

namespace NordeaConnect.Client;

/// <summary><c>PUT /v1/customers/{id}</c>: replace the customer's metadata.</summary>
public sealed class CustomerUpdateOptions
{
    public required JsonObject Metadata { get; init; }
}
