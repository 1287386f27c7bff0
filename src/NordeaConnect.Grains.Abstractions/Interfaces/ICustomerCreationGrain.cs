using Orleans.Concurrency;
using System.Text.Json;

namespace NordeaConnect.Grains;

/// <summary>
/// Creates the one customer with a given ref (the merchant's own customer id), keyed by that ref, so a repeated
/// sign-up makes one customer. A caller without a ref of its own should make one (upstream would otherwise make one
/// per call, and a retry could not be recognised).
/// </summary>
public interface ICustomerCreationGrain : IGrainWithStringKey
{
    Task<OperationResult<CustomerSnapshot>> CreateAsync(JsonElement? metadata = null, CancellationToken cancellationToken = default);

    [ReadOnly]
    Task<IReadOnlyList<JournalEntry>> GetJournalAsync(CancellationToken cancellationToken = default);
}
