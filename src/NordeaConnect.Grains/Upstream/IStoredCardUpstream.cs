namespace NordeaConnect.Grains;

/// <summary>The stored card calls the grains make upstream (see <see cref="ITransactionUpstream"/> for the error contract).</summary>
internal interface IStoredCardUpstream
{
    Task<StoredCardSnapshot> GetAsync(long storedCardId, CancellationToken cancellationToken);

    /// <param name="locale">en or sv for upstream's texts; null for the client's configured default.</param>
    Task<StoredCardSnapshot> GetAsync(long storedCardId, string? locale, CancellationToken cancellationToken) =>
        GetAsync(storedCardId, cancellationToken);

    /// <summary>Sets active or inactive.</summary>
    Task<StoredCardSnapshot> UpdateStatusAsync(long storedCardId, string status, CancellationToken cancellationToken);

    Task<StoredCardSnapshot> UpdateStatusAsync(long storedCardId, string status, string? locale, CancellationToken cancellationToken) =>
        UpdateStatusAsync(storedCardId, status, cancellationToken);

    Task<StoredCardSnapshot> DeleteAsync(long storedCardId, CancellationToken cancellationToken);

    Task<StoredCardSnapshot> DeleteAsync(long storedCardId, string? locale, CancellationToken cancellationToken) =>
        DeleteAsync(storedCardId, cancellationToken);
}
