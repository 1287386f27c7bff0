namespace NordeaConnect.Grains;

/// <summary>The stored card calls the grains make upstream (see <see cref="ITransactionUpstream"/> for the error contract).</summary>
internal interface IStoredCardUpstream
{
    Task<StoredCardSnapshot> GetAsync(long storedCardId, CancellationToken cancellationToken);

    /// <summary>Sets active or inactive.</summary>
    Task<StoredCardSnapshot> UpdateStatusAsync(long storedCardId, string status, CancellationToken cancellationToken);

    Task<StoredCardSnapshot> DeleteAsync(long storedCardId, CancellationToken cancellationToken);
}
