using System.Collections.Concurrent;

namespace NordeaConnect.Grains.Tests.Infrastructure;

/// <summary>An in-memory upstream for subscriptions: a PUT sets debt absolutely, as the real API does.</summary>
internal sealed class FakeSubscriptionUpstream : ISubscriptionUpstream
{
    private readonly ConcurrentDictionary<long, SubscriptionSnapshot> _subscriptions = new();
    private readonly Lock _lock = new();

    public CallCounter Calls { get; } = new();

    public UpstreamScript Script { get; } = new();

    public SubscriptionSnapshot Add(long id, decimal debt = 0m)
    {
        var subscription = new SubscriptionSnapshot { Id = id, Debt = debt, Status = "active", Quantity = 1, PlanId = 1 };
        _subscriptions[id] = subscription;
        return subscription;
    }

    public SubscriptionSnapshot Stored(long id) => _subscriptions[id];

    public void Replace(SubscriptionSnapshot subscription) => _subscriptions[subscription.Id] = subscription;

    public Task<SubscriptionSnapshot> GetAsync(long subscriptionId, CancellationToken cancellationToken)
    {
        Calls.Add("get");
        return Script.ReadsUnreachable ? throw UpstreamScript.Unreachable() : Task.FromResult(_subscriptions[subscriptionId]);
    }

    public Task<SubscriptionSnapshot> UpdateAsync(long subscriptionId, SubscriptionChange change, CancellationToken cancellationToken)
    {
        Calls.Add("update");
        lock (_lock)
        {
            var mishap = Script.Next("update");
            if (mishap == UpstreamMishap.LoseWithoutApplying)
            {
                throw UpstreamScript.LostAnswer("update");
            }

            var current = _subscriptions[subscriptionId];
            var updated = current with
            {
                Debt = change.Debt ?? current.Debt,
                Status = change.Status ?? current.Status,
                Quantity = change.Quantity ?? current.Quantity,
                PlanId = change.PlanId ?? current.PlanId,
                StoredCardId = change.StoredCardId ?? current.StoredCardId,
                Metadata = change.Metadata ?? current.Metadata,
            };
            _subscriptions[subscriptionId] = updated;
            return mishap == UpstreamMishap.ApplyThenLoseAnswer ? throw UpstreamScript.LostAnswer("update") : Task.FromResult(updated);
        }
    }
}
