using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NordeaConnect.Sandbox.Clock;

namespace NordeaConnect.Sandbox.Webhooks.Delivery;

/// <summary>
/// Delivers webhooks and keeps their history. <see cref="Enqueue"/> records a webhook and wakes the worker for its
/// first attempt; a failed attempt is retried on the reference's schedule in sandbox time (so advancing the test
/// clock brings retries due: the queue is a clock listener); after the last retry fails the webhook is exhausted.
/// </summary>
public sealed partial class WebhookDeliveryQueue : IWebhookDeliveryLog, IClockListener
{
    private readonly TimeProvider _clock;
    private readonly WebhookSender _sender;
    private readonly IWebhookDeliveryObserver[] _observers;
    private readonly WebhookDeliveryOptions _options;
    private readonly ILogger<WebhookDeliveryQueue> _logger;
    private readonly Lock _gate = new();
    private readonly Dictionary<(string MerchantId, long WebhookId), Entry> _entries = [];
    private readonly Random _random;
    private readonly Channel<bool> _wakeUps = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    internal WebhookDeliveryQueue(
        TimeProvider clock,
        WebhookSender sender,
        IEnumerable<IWebhookDeliveryObserver> observers,
        IOptions<WebhookDeliveryOptions> options,
        ILogger<WebhookDeliveryQueue> logger)
    {
        _clock = clock;
        _sender = sender;
        _observers = [.. observers];
        _options = options.Value;
        _logger = logger;
        _random = _options.RandomSeed is { } seed ? new Random(seed) : new Random();
    }

    /// <summary>Wake-ups for the worker: one pending signal is enough, however many deliveries were enqueued.</summary>
    internal ChannelReader<bool> WakeUps => _wakeUps.Reader;

    /// <summary>
    /// Accepts a webhook for delivery. An e-mail webhook is recorded at once (state Recorded); an HTTP one is
    /// attempted promptly by the worker (or by <see cref="DeliverDueAsync"/>).
    /// </summary>
    /// <exception cref="ArgumentException">The delivery is invalid (e.g. not an http(s) URL).</exception>
    /// <exception cref="InvalidOperationException">A delivery for this merchant and webhook id exists already.</exception>
    public WebhookDeliveryStatus Enqueue(WebhookDelivery delivery)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        delivery.Validate();
        var now = _clock.GetUtcNow();
        WebhookDeliveryStatus status;
        lock (_gate)
        {
            var key = (delivery.MerchantId, delivery.WebhookId);
            if (_entries.ContainsKey(key))
            {
                throw new InvalidOperationException("Webhook " + delivery.WebhookId.ToString(System.Globalization.CultureInfo.InvariantCulture) + " of merchant " + delivery.MerchantId + " is already enqueued.");
            }

            var entry = new Entry(delivery) { NextAttemptAt = now };
            if (delivery.Channel == WebhookChannel.Email)
            {
                entry.State = WebhookDeliveryState.Recorded;
                entry.NextAttemptAt = null;
                entry.Attempts.Add(new WebhookDeliveryAttempt(1, now, null, null, null, null));
            }

            _entries[key] = entry;
            status = entry.Snapshot();
        }

        if (delivery.Channel == WebhookChannel.Http)
        {
            _wakeUps.Writer.TryWrite(true);
        }

        return status;
    }

    /// <inheritdoc />
    public WebhookDeliveryStatus? Find(string merchantId, long webhookId)
    {
        lock (_gate)
        {
            return _entries.TryGetValue((merchantId, webhookId), out var entry) ? entry.Snapshot() : null;
        }
    }

    /// <inheritdoc />
    public IReadOnlyList<WebhookDeliveryStatus> List(string merchantId)
    {
        lock (_gate)
        {
            return [.. _entries.Values.Where(entry => entry.Delivery.MerchantId == merchantId).OrderBy(entry => entry.Delivery.WebhookId).Select(entry => entry.Snapshot())];
        }
    }

    /// <summary>Attempts every delivery that is due at the current sandbox time; returns how many were attempted.</summary>
    public async Task<int> DeliverDueAsync(CancellationToken cancellationToken)
    {
        var now = _clock.GetUtcNow();
        List<Entry> due;
        lock (_gate)
        {
            due = [.. _entries.Values.Where(entry => !entry.InFlight && entry.NextAttemptAt is { } at && at <= now).OrderBy(entry => entry.NextAttemptAt)];
            foreach (var entry in due)
            {
                entry.InFlight = true;
            }
        }

        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, _options.MaxParallelAttempts), CancellationToken = cancellationToken };
        try
        {
            await Parallel.ForEachAsync(due, parallel, async (entry, token) => await AttemptAsync(entry, token).ConfigureAwait(false)).ConfigureAwait(false);
        }
        finally
        {
            lock (_gate)
            {
                // Entries a cancellation left unattempted stay due for the next run.
                foreach (var entry in due)
                {
                    entry.InFlight = false;
                }
            }
        }

        return due.Count;
    }

    /// <summary>
    /// Brings a waiting webhook's next attempt forward to now and makes it (the dashboard's "retry now"). Only
    /// webhooks still on the retry schedule qualify; an exhausted one has used its retries. False when there is none.
    /// </summary>
    public async Task<bool> RetryNowAsync(string merchantId, long webhookId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (!_entries.TryGetValue((merchantId, webhookId), out var entry) || entry.InFlight
                || entry.State is not (WebhookDeliveryState.Retrying or WebhookDeliveryState.Pending))
            {
                return false;
            }

            entry.NextAttemptAt = _clock.GetUtcNow();
        }

        await DeliverDueAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <inheritdoc />
    Task IClockListener.OnClockMovedAsync(DateTimeOffset now, CancellationToken cancellationToken) => DeliverDueAsync(cancellationToken);

    private async Task AttemptAsync(Entry entry, CancellationToken cancellationToken)
    {
        var at = _clock.GetUtcNow();
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var result = await _sender.SendAsync(entry.Delivery, cancellationToken).ConfigureAwait(false);
        var took = System.Diagnostics.Stopwatch.GetElapsedTime(started);
        WebhookDeliveryStatus status;
        lock (_gate)
        {
            var attempt = new WebhookDeliveryAttempt(entry.Attempts.Count + 1, at, result.StatusCode, result.ReasonPhrase, result.ResponseBody, result.Error, Math.Round(took.TotalMilliseconds, 1));
            entry.Attempts.Add(attempt);
            if (attempt.Succeeded)
            {
                entry.State = WebhookDeliveryState.Delivered;
                entry.NextAttemptAt = null;
            }
            else if (entry.RetryCount >= _options.MaxRetries)
            {
                entry.State = WebhookDeliveryState.Exhausted;
                entry.NextAttemptAt = null;
            }
            else
            {
                // Scheduled from the attempt's start in sandbox time: one clock move brings at most one retry due.
                entry.NextAttemptAt = at + WebhookRetrySchedule.DelayBefore(entry.RetryCount, _random);
                entry.RetryCount++;
                entry.State = WebhookDeliveryState.Retrying;
            }

            status = entry.Snapshot();
        }

        LogAttempt(_logger, entry.Delivery.WebhookId, entry.Delivery.MerchantId, status.Attempts.Count, result.StatusCode, status.State);
        foreach (var observer in _observers)
        {
            try
            {
                await observer.OnAttemptRecordedAsync(entry.Delivery, status, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogObserverFailed(_logger, exception, entry.Delivery.WebhookId);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Webhook {WebhookId} of merchant {MerchantId}: attempt {Attempt} answered {StatusCode}, now {State}")]
    private static partial void LogAttempt(ILogger logger, long webhookId, string merchantId, int attempt, int? statusCode, WebhookDeliveryState state);

    [LoggerMessage(Level = LogLevel.Error, Message = "A delivery observer failed for webhook {WebhookId}")]
    private static partial void LogObserverFailed(ILogger logger, Exception exception, long webhookId);

    private sealed class Entry(WebhookDelivery delivery)
    {
        public WebhookDelivery Delivery => delivery;

        public WebhookDeliveryState State { get; set; } = WebhookDeliveryState.Pending;

        public int RetryCount { get; set; }

        public DateTimeOffset? NextAttemptAt { get; set; }

        public bool InFlight { get; set; }

        public List<WebhookDeliveryAttempt> Attempts { get; } = [];

        public WebhookDeliveryStatus Snapshot() =>
            new(delivery.MerchantId, delivery.WebhookId, delivery.Trigger, State, RetryCount, NextAttemptAt, [.. Attempts]);
    }
}
