using System.Text.Json;
using Upstream = NordeaConnect.Client;

namespace NordeaConnect.Gateway.Operations;

/// <summary>What the services ask of the Customer grains; conventions as in <see cref="ITransactionOperations"/>.</summary>
public interface ICustomerOperations
{
    Task<Versioned<Upstream.Customer>> CreateAsync(CustomerCreation creation, string? idempotencyKey, CancellationToken cancellationToken);

    Task<Versioned<Upstream.Customer>> GetAsync(long id, TimeSpan? maxStaleness, CancellationToken cancellationToken);

    /// <summary>Merges <paramref name="metadata"/> into the customer's metadata.</summary>
    Task<Versioned<Upstream.Customer>> UpdateAsync(long id, JsonElement? metadata, string? idempotencyKey, CancellationToken cancellationToken);
}
