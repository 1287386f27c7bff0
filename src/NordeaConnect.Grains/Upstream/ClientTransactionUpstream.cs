using NordeaConnect.Client;
using NordeaConnect.Primitives;

namespace NordeaConnect.Grains;

/// <summary>The transaction calls over NordeaConnect.Client; the client builds the request hash from its configured secret.</summary>
internal sealed class ClientTransactionUpstream(ITransactionService transactions, IRefundService refunds) : ITransactionUpstream
{
    public Task<TransactionSnapshot> GetAsync(long transactionId, CancellationToken cancellationToken) =>
        GetAsync(transactionId, null, cancellationToken);

    public async Task<TransactionSnapshot> GetAsync(long transactionId, string? locale, CancellationToken cancellationToken) =>
        UpstreamSnapshots.From(await transactions.GetAsync(transactionId, requestOptions: Localized(locale), cancellationToken: cancellationToken).ConfigureAwait(false));

    public async Task<IReadOnlyList<TransactionSnapshot>> FindByPaymentRefAsync(PaymentRef paymentRef, CancellationToken cancellationToken)
    {
        var options = new TransactionListOptions { Limit = 100, OrderBy = SortOrder.Ascending("id") };
        options.AddFilter(ListFilter.Equal("payment_ref", paymentRef.Value));
        var found = new List<TransactionSnapshot>();
        await foreach (var transaction in transactions.ListAllAsync(options, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            // The filter is upstream's; check the match here too so a lenient filter cannot adopt another order's payment.
            if (string.Equals(transaction.PaymentRef, paymentRef.Value, StringComparison.Ordinal))
            {
                found.Add(UpstreamSnapshots.From(transaction));
            }
        }

        return found;
    }

    public async Task<TransactionSnapshot> CreateAsync(PaymentRef paymentRef, TransactionCreateRequest request, CancellationToken cancellationToken)
    {
        var options = new TransactionCreateOptions
        {
            PaymentRef = paymentRef,
            Amount = request.Amount,
            Currency = request.Currency,
            VatAmount = request.VatAmount,
            CustomerRef = request.CustomerRef,
            Test = request.Test,
            Authorize = request.Authorize ? true : null,
            Process = request.Process ? null : false,
            CardNumber = request.Card?.CardNumber,
            CardCvv = request.Card?.Cvv,
            CardHolder = request.Card?.Holder,
            CardExpiry = request.Card?.Expiry,
            CardType = request.Card?.CardType,
            SuccessUrl = request.SuccessUrl,
            ErrorUrl = request.ErrorUrl,
            TemplateId = request.TemplateId,
            Metadata = UpstreamSnapshots.ToJsonObject(request.Metadata),
            Items = request.Items,
            Webhooks = request.Webhooks,
            Encrypted = request.Encrypted,
        };
        return UpstreamSnapshots.From(await transactions.CreateAsync(options, Localized(request.Locale), cancellationToken).ConfigureAwait(false));
    }

    public async Task<TransactionSnapshot> UpdateAsync(long transactionId, TransactionUpdateRequest request, CancellationToken cancellationToken)
    {
        var options = new TransactionUpdateOptions
        {
            Metadata = UpstreamSnapshots.ToJsonObject(request.Metadata),
            CardNumber = request.Card?.CardNumber,
            CardCvv = request.Card?.Cvv,
            CardHolder = request.Card?.Holder,
            CardExpiry = request.Card?.Expiry,
            CardType = request.Card?.CardType,
            Process = request.Process,
            Amount = request.Amount,
            VatAmount = request.VatAmount,
            Currency = request.Currency,
            CustomerRef = request.CustomerRef,
            Items = request.Items,
            Encrypted = request.Encrypted,
        };
        return UpstreamSnapshots.From(await transactions.UpdateAsync(transactionId, options, Localized(request.Locale), cancellationToken).ConfigureAwait(false));
    }

    public async Task<TransactionSnapshot> CaptureAsync(long transactionId, Amount amount, string? locale, CancellationToken cancellationToken) =>
        UpstreamSnapshots.From(await transactions.CaptureAsync(
            transactionId,
            new TransactionCaptureOptions { Amount = amount },
            Localized(locale),
            cancellationToken).ConfigureAwait(false));

    public async Task<RefundSnapshot> RefundAsync(long transactionId, Amount amount, string reason, string? locale, CancellationToken cancellationToken)
    {
        var refund = await refunds.CreateAsync(
            new RefundCreateOptions { TransactionId = transactionId, Amount = amount, Reason = reason },
            Localized(locale),
            cancellationToken).ConfigureAwait(false);
        // The create response may omit amount and reason echoes (the reference's samples vary); what was sent is what was made.
        var snapshot = UpstreamSnapshots.From(refund, transactionId);
        return snapshot with
        {
            Amount = refund.Amount ?? amount,
            Reason = refund.Reason ?? reason,
        };
    }

    private static RequestOptions? Localized(string? locale) => locale is null ? null : new RequestOptions { Locale = locale };
}
