using System.Collections.Concurrent;
using NordeaConnect.Client;
using NordeaConnect.Primitives;

namespace NordeaConnect.Grains.Tests.Infrastructure;

/// <summary>An in-memory upstream for transactions that enforces upstream's own rules, counts calls and plays mishaps.</summary>
internal sealed class FakeTransactionUpstream : ITransactionUpstream
{
    private readonly ConcurrentDictionary<long, TransactionSnapshot> _transactions = new();
    private readonly Lock _lock = new();
    private long _nextId = 1000;
    private long _nextRefundId = 1;

    public CallCounter Calls { get; } = new();

    public UpstreamScript Script { get; } = new();

    public TransactionSnapshot Add(string status, string amount, string? paymentRef = null, string type = "credit_card")
    {
        var transaction = new TransactionSnapshot
        {
            Id = Interlocked.Increment(ref _nextId),
            Status = status,
            Amount = Amount.Parse(amount),
            Currency = CurrencyCode.Sek,
            PaymentRef = paymentRef,
            TransactionType = type,
            Test = true,
        };
        _transactions[transaction.Id] = transaction;
        return transaction;
    }

    public TransactionSnapshot Stored(long id) => _transactions[id];

    public void Replace(TransactionSnapshot transaction) => _transactions[transaction.Id] = transaction;

    public IReadOnlyCollection<TransactionSnapshot> All => [.. _transactions.Values];

    public Task<TransactionSnapshot> GetAsync(long transactionId, CancellationToken cancellationToken)
    {
        Calls.Add("get");
        if (Script.ReadsUnreachable)
        {
            throw UpstreamScript.Unreachable();
        }

        return Task.FromResult(_transactions.TryGetValue(transactionId, out var found)
            ? found
            : throw new NordeaConnectException("Transaction not found.", ResultCode.UpstreamNotFound, System.Net.HttpStatusCode.NotFound, null, "test"));
    }

    public Task<IReadOnlyList<TransactionSnapshot>> FindByPaymentRefAsync(PaymentRef paymentRef, CancellationToken cancellationToken)
    {
        Calls.Add("find");
        if (Script.ReadsUnreachable)
        {
            throw UpstreamScript.Unreachable();
        }

        return Task.FromResult<IReadOnlyList<TransactionSnapshot>>([.. _transactions.Values.Where(t => t.PaymentRef == paymentRef.Value).OrderBy(t => t.Id)]);
    }

    /// <summary>Every creation request as it reached upstream, in call order.</summary>
    public System.Collections.Concurrent.ConcurrentQueue<TransactionCreateRequest> CreateRequests { get; } = new();

    public Task<TransactionSnapshot> CreateAsync(PaymentRef paymentRef, TransactionCreateRequest request, CancellationToken cancellationToken) =>
        Perform("create", () =>
        {
            CreateRequests.Enqueue(request);
            var created = new TransactionSnapshot
            {
                Id = Interlocked.Increment(ref _nextId),
                Status = request.Authorize ? "authorized" : request.Process ? "approved" : "pending",
                Amount = request.Amount,
                Currency = request.Currency,
                PaymentRef = paymentRef.Value,
                Test = request.Test,
                StoredCardId = request.StoredCardId,
                CardType = request.Card?.CardType,
                MaskedCardNumber = request.Card is { } card ? "******" + card.LastFour : null,
            };
            _transactions[created.Id] = created;
            return created;
        });

    public Task<TransactionSnapshot> UpdateAsync(long transactionId, TransactionUpdateRequest request, CancellationToken cancellationToken) =>
        Perform("update", () =>
        {
            var current = _transactions[transactionId];
            var updated = current with
            {
                Metadata = request.Metadata ?? current.Metadata,
                Status = request.Card is not null ? "approved" : current.Status,
            };
            _transactions[transactionId] = updated;
            return updated;
        });

    /// <summary>The locale each capture and refund asked upstream for, in call order.</summary>
    public System.Collections.Concurrent.ConcurrentQueue<string?> Locales { get; } = new();

    public Task<TransactionSnapshot> CaptureAsync(long transactionId, Amount amount, string? locale, CancellationToken cancellationToken) =>
        Perform("capture", () =>
        {
            Locales.Enqueue(locale);
            var current = _transactions[transactionId];
            if (current.State != TransactionState.Authorized || amount > current.Amount)
            {
                throw new NordeaConnectException("Capture refused upstream.", ResultCode.UpstreamRejected, System.Net.HttpStatusCode.BadRequest, new UpstreamErrorBody { Name = "errors.capture", Code = 999 }, "test");
            }

            var captured = current with { Status = "approved", Amount = amount };
            _transactions[transactionId] = captured;
            return captured;
        });

    public Task<RefundSnapshot> RefundAsync(long transactionId, Amount amount, string reason, string? locale, CancellationToken cancellationToken) =>
        Perform("refund", () =>
        {
            Locales.Enqueue(locale);
            var current = _transactions[transactionId];
            if (amount > TransactionLedger.From(current).Refundable)
            {
                throw new NordeaConnectException("Refund exceeds upstream.", ResultCode.UpstreamRejected, System.Net.HttpStatusCode.BadRequest, null, "test");
            }

            var refund = new RefundSnapshot { Id = Interlocked.Increment(ref _nextRefundId), TransactionId = transactionId, Amount = amount, Reason = reason, Status = "approved" };
            _transactions[transactionId] = current with { Refunds = current.Refunds.Add(refund) };
            return refund;
        });

    private Task<T> Perform<T>(string operation, Func<T> apply)
    {
        Calls.Add(operation);
        lock (_lock)
        {
            switch (Script.Next(operation))
            {
                case UpstreamMishap.ApplyThenLoseAnswer:
                    apply();
                    throw UpstreamScript.LostAnswer(operation);
                case UpstreamMishap.LoseWithoutApplying:
                    throw UpstreamScript.LostAnswer(operation);
                case UpstreamMishap.ApplyThenCrash:
                    apply();
                    throw new SimulatedCrashException();
                case UpstreamMishap.Unreachable:
                    throw UpstreamScript.Unreachable();
                default:
                    return Task.FromResult(apply());
            }
        }
    }
}
