using NordeaConnect.Primitives;

namespace NordeaConnect.Grains;

/// <summary>
/// The transaction calls the grains make upstream, in the grains' own terms. The production implementation sits on
/// NordeaConnect.Client; tests substitute it. Failures surface as the client's NordeaConnectException, and as
/// NordeaConnectOutcomeUnknownException when a write may or may not have been carried out.
/// </summary>
internal interface ITransactionUpstream
{
    Task<TransactionSnapshot> GetAsync(long transactionId, CancellationToken cancellationToken);

    /// <param name="locale">en or sv for upstream's texts (an error's description); null for the client's configured default.</param>
    Task<TransactionSnapshot> GetAsync(long transactionId, string? locale, CancellationToken cancellationToken) =>
        GetAsync(transactionId, cancellationToken);

    /// <summary>Every transaction with this payment_ref (<c>filter[payment_ref]=...</c>), oldest first.</summary>
    Task<IReadOnlyList<TransactionSnapshot>> FindByPaymentRefAsync(PaymentRef paymentRef, CancellationToken cancellationToken);

    Task<TransactionSnapshot> CreateAsync(PaymentRef paymentRef, TransactionCreateRequest request, CancellationToken cancellationToken);

    /// <summary>Sends the update as given: metadata here is already the merged whole. The request's locale goes with it.</summary>
    Task<TransactionSnapshot> UpdateAsync(long transactionId, TransactionUpdateRequest request, CancellationToken cancellationToken);

    /// <param name="locale">en or sv for upstream's texts; null for the client's configured default.</param>
    Task<TransactionSnapshot> CaptureAsync(long transactionId, Amount amount, string? locale, CancellationToken cancellationToken);

    Task<RefundSnapshot> RefundAsync(long transactionId, Amount amount, string reason, string? locale, CancellationToken cancellationToken);
}
