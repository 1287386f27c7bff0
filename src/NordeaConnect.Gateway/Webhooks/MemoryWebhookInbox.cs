using NordeaConnect.Gateway.Notifications.Outbox;

namespace NordeaConnect.Gateway.Webhooks;

/// <summary>The inbox of a local run: one process, gone with it.</summary>
public sealed class MemoryWebhookInbox : IWebhookInbox
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Entry> _events = new(StringComparer.Ordinal);

    public Task<InboxAdmission> AdmitAsync(WebhookEvent webhookEvent, DeliveryTrace? trace, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(webhookEvent);
        lock (_gate)
        {
            if (_events.TryGetValue(webhookEvent.EventKey, out var known))
            {
                return Task.FromResult(new InboxAdmission(false, known.State, known.LastError));
            }

            // A new event is leased to its intake request for a minute, so the processor does not apply it alongside.
            _events[webhookEvent.EventKey] = new Entry(webhookEvent, trace) { NextAttemptAt = now + TimeSpan.FromMinutes(1) };
            return Task.FromResult(new InboxAdmission(true, InboxState.Pending, null));
        }
    }

    public Task MarkAppliedAsync(string eventKey, DateTimeOffset now, CancellationToken cancellationToken) =>
        Update(eventKey, entry =>
        {
            entry.State = InboxState.Applied;
            entry.FinishedAt = now;
        });

    public Task MarkRejectedAsync(string eventKey, DateTimeOffset now, string error, CancellationToken cancellationToken) =>
        Update(eventKey, entry =>
        {
            entry.State = InboxState.Rejected;
            entry.LastError = error;
            entry.FinishedAt = now;
        });

    public Task MarkRetryAsync(string eventKey, int attempts, DateTimeOffset nextAttemptAt, string error, CancellationToken cancellationToken) =>
        Update(eventKey, entry =>
        {
            entry.Attempts = attempts;
            entry.NextAttemptAt = nextAttemptAt;
            entry.LastError = error;
        });

    public Task<IReadOnlyList<PendingWebhookEvent>> ClaimDueAsync(DateTimeOffset now, DateTimeOffset leaseUntil, int limit, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var due = _events.Values.Where(e => e.State == InboxState.Pending && e.NextAttemptAt <= now).OrderBy(e => e.NextAttemptAt).Take(limit).ToArray();
            foreach (var entry in due)
            {
                entry.NextAttemptAt = leaseUntil;
            }

            return Task.FromResult<IReadOnlyList<PendingWebhookEvent>>(due.Select(e => new PendingWebhookEvent(e.Event, e.Attempts, e.Trace)).ToArray());
        }
    }

    public Task<int> PurgeAsync(DateTimeOffset olderThan, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var old = _events.Where(e => e.Value.FinishedAt is { } at && at < olderThan).Select(e => e.Key).ToArray();
            foreach (var key in old)
            {
                _events.Remove(key);
            }

            return Task.FromResult(old.Length);
        }
    }

    private Task Update(string eventKey, Action<Entry> change)
    {
        lock (_gate)
        {
            if (_events.TryGetValue(eventKey, out var entry))
            {
                change(entry);
            }
        }

        return Task.CompletedTask;
    }

    private sealed class Entry(WebhookEvent webhookEvent, DeliveryTrace? trace)
    {
        public WebhookEvent Event { get; } = webhookEvent;

        public DeliveryTrace? Trace { get; } = trace;

        public InboxState State { get; set; } = InboxState.Pending;

        public int Attempts { get; set; }

        public DateTimeOffset NextAttemptAt { get; set; }

        public string? LastError { get; set; }

        public DateTimeOffset? FinishedAt { get; set; }
    }
}
