using NordeaConnect.Sandbox.Billing;

namespace NordeaConnect.Sandbox.Tests.Billing;

/// <summary>A ledger over a dictionary, as the store implements it: atomic merge under a lock, charges decided by a rule.</summary>
public sealed class InMemoryBillingLedger : IBillingLedger, IBillingEvents
{
    private readonly Lock _gate = new();
    private readonly Dictionary<long, SubscriptionBilling> _subscriptions = [];
    private readonly List<SubscriptionCharge> _charges = [];
    private readonly List<BillingEvent> _events = [];
    private long _nextTransactionId = 1000;

    /// <summary>Decides each charge; by default every charge succeeds.</summary>
    public Func<SubscriptionCharge, bool> Approve { get; set; } = _ => true;

    /// <summary>Runs while a charge is in flight, to change the subscription the way a concurrent merchant request would.</summary>
    public Action<InMemoryBillingLedger, SubscriptionCharge>? DuringCharge { get; set; }

    public IReadOnlyList<SubscriptionCharge> Charges
    {
        get
        {
            lock (_gate)
            {
                return [.. _charges];
            }
        }
    }

    public IReadOnlyList<BillingEvent> Events
    {
        get
        {
            lock (_gate)
            {
                return [.. _events];
            }
        }
    }

    public void Put(SubscriptionBilling subscription)
    {
        lock (_gate)
        {
            _subscriptions[subscription.SubscriptionId] = subscription;
        }
    }

    public SubscriptionBilling Get(long id)
    {
        lock (_gate)
        {
            return _subscriptions[id];
        }
    }

    public void Update(long id, Func<SubscriptionBilling, SubscriptionBilling> change)
    {
        lock (_gate)
        {
            _subscriptions[id] = change(_subscriptions[id]);
        }
    }

    public IReadOnlyList<SubscriptionBilling> GetDueSubscriptions(DateTimeOffset now)
    {
        lock (_gate)
        {
            return [.. _subscriptions.Values.Where(s => s.Status == SubscriptionBillingStatus.Active && s.NextAt <= now)];
        }
    }

    public Task<ChargeOutcome> ChargeAsync(SubscriptionCharge charge, CancellationToken cancellationToken)
    {
        DuringCharge?.Invoke(this, charge);
        lock (_gate)
        {
            _charges.Add(charge);
            var transactionId = _nextTransactionId++;
            return Task.FromResult(Approve(charge) ? ChargeOutcome.Success(transactionId) : ChargeOutcome.Failure(transactionId, "Do not honour"));
        }
    }

    public SubscriptionBilling? Apply(SubscriptionBillingUpdate update)
    {
        lock (_gate)
        {
            if (!_subscriptions.TryGetValue(update.After.SubscriptionId, out var current))
            {
                return null;
            }

            var merged = update.MergeInto(current);
            _subscriptions[merged.SubscriptionId] = merged;
            return merged;
        }
    }

    public Task OnBillingEventAsync(BillingEvent billingEvent, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _events.Add(billingEvent);
        }

        return Task.CompletedTask;
    }
}
