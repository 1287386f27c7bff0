using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using NordeaConnect.Gateway.Changes;
using NordeaConnect.Gateway.Operations;
using NordeaConnect.Grains;
using Upstream = NordeaConnect.Client;

namespace NordeaConnect.Gateway.GrainCalls;

internal sealed class GrainCustomerOperations(IGrainFactory grains, EntityVersions versions) : ICustomerOperations
{
    public async Task<Versioned<Upstream.Customer>> CreateAsync(CustomerCreation creation, string? idempotencyKey, CancellationToken cancellationToken)
    {
        var customerRef = creation.Ref ?? GeneratedRef(idempotencyKey);
        var snapshot = GrainResults.Unwrap(await grains.GetGrain<ICustomerCreationGrain>(customerRef).CreateAsync(creation.Metadata, cancellationToken));
        return Changed(snapshot, "created");
    }

    public async Task<Versioned<Upstream.Customer>> GetAsync(long id, TimeSpan? maxStaleness, CancellationToken cancellationToken)
    {
        var snapshot = GrainResults.Unwrap(await Grain(id).GetAsync(maxStaleness, cancellationToken));
        return new Versioned<Upstream.Customer>(GrainSnapshots.ToEntity(snapshot), versions.Observed(Key(id)));
    }

    public async Task<Versioned<Upstream.Customer>> UpdateAsync(long id, JsonElement? metadata, string? idempotencyKey, CancellationToken cancellationToken)
    {
        using var empty = JsonDocument.Parse("{}");
        var snapshot = GrainResults.Unwrap(await Grain(id).UpdateMetadataAsync(metadata ?? empty.RootElement.Clone(), idempotencyKey, cancellationToken));
        return Changed(snapshot, "updated");
    }

    /// <summary>
    /// Creation is keyed by the customer's ref. A caller without one gets a ref derived from its idempotency key, so
    /// a retry finds the same customer; without either, every call creates a new customer, as upstream would.
    /// </summary>
    private static string GeneratedRef(string? idempotencyKey) =>
        "gw-" + (idempotencyKey is null
            ? Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8))
            : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(idempotencyKey)))[..16]);

    private Versioned<Upstream.Customer> Changed(CustomerSnapshot snapshot, string reason) =>
        versions.Changed(Key(snapshot.Id), reason, change => new Versioned<Upstream.Customer>(GrainSnapshots.ToEntity(snapshot), change));

    private static EntityKey Key(long id) => new(EntityKey.Customer, id);

    private ICustomerGrain Grain(long id) => grains.GetGrain<ICustomerGrain>(id);
}
