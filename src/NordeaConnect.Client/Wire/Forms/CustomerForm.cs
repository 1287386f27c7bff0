using Refit;

namespace NordeaConnect.Client;

/// <summary>The form of <c>POST /v1/customers</c> and <c>PUT /v1/customers/{id}</c> (metadata only); null fields are not sent.</summary>
public sealed class CustomerForm
{
    [AliasAs("ref")]
    public string? Ref { get; init; }

    /// <summary>JSON text of the customer's metadata.</summary>
    [AliasAs("metadata")]
    public string? Metadata { get; init; }
}
