using NordeaConnect.Client;

namespace NordeaConnect.Grains;

/// <summary>The stored card calls over NordeaConnect.Client, each in the caller's locale when it gave one.</summary>
internal sealed class ClientStoredCardUpstream(IStoredCardService storedCards) : IStoredCardUpstream
{
    public Task<StoredCardSnapshot> GetAsync(long storedCardId, CancellationToken cancellationToken) =>
        GetAsync(storedCardId, null, cancellationToken);

    public async Task<StoredCardSnapshot> GetAsync(long storedCardId, string? locale, CancellationToken cancellationToken) =>
        UpstreamSnapshots.From(await storedCards.GetAsync(storedCardId, requestOptions: Localized(locale), cancellationToken: cancellationToken).ConfigureAwait(false));

    public Task<StoredCardSnapshot> UpdateStatusAsync(long storedCardId, string status, CancellationToken cancellationToken) =>
        UpdateStatusAsync(storedCardId, status, null, cancellationToken);

    public async Task<StoredCardSnapshot> UpdateStatusAsync(long storedCardId, string status, string? locale, CancellationToken cancellationToken) =>
        UpstreamSnapshots.From(await storedCards.UpdateAsync(storedCardId, new StoredCardUpdateOptions { Status = status }, Localized(locale), cancellationToken).ConfigureAwait(false));

    public Task<StoredCardSnapshot> DeleteAsync(long storedCardId, CancellationToken cancellationToken) =>
        DeleteAsync(storedCardId, null, cancellationToken);

    public async Task<StoredCardSnapshot> DeleteAsync(long storedCardId, string? locale, CancellationToken cancellationToken) =>
        UpstreamSnapshots.From(await storedCards.DeleteAsync(storedCardId, Localized(locale), cancellationToken).ConfigureAwait(false));

    private static RequestOptions? Localized(string? locale) => locale is null ? null : new RequestOptions { Locale = locale };
}
