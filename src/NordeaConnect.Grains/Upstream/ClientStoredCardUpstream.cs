using NordeaConnect.Client;

namespace NordeaConnect.Grains;

/// <summary>The stored card calls over NordeaConnect.Client.</summary>
internal sealed class ClientStoredCardUpstream(IStoredCardService storedCards) : IStoredCardUpstream
{
    public async Task<StoredCardSnapshot> GetAsync(long storedCardId, CancellationToken cancellationToken) =>
        UpstreamSnapshots.From(await storedCards.GetAsync(storedCardId, cancellationToken: cancellationToken).ConfigureAwait(false));

    public async Task<StoredCardSnapshot> UpdateStatusAsync(long storedCardId, string status, CancellationToken cancellationToken) =>
        UpstreamSnapshots.From(await storedCards.UpdateAsync(storedCardId, new StoredCardUpdateOptions { Status = status }, cancellationToken: cancellationToken).ConfigureAwait(false));

    public async Task<StoredCardSnapshot> DeleteAsync(long storedCardId, CancellationToken cancellationToken) =>
        UpstreamSnapshots.From(await storedCards.DeleteAsync(storedCardId, cancellationToken: cancellationToken).ConfigureAwait(false));
}
