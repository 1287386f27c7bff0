using System.Diagnostics;
using Microsoft.Extensions.Options;
using NordeaConnect.Gateway.Changes;

namespace NordeaConnect.Gateway.Webhooks;

/// <summary>
/// Retries admitted events whose re-read failed (upstream down, the process stopped mid-way), with backoff, until
/// they are applied or the entity turns out not to exist; and forgets finished events after the retention. Each attempt
/// is a span (source <see cref="ActivitySourceName"/>) whose parent is the trace context stored with the event, so the
/// grain's refresh, the upstream re-read and the notifications it causes belong to the trace of the webhook's request.
/// </summary>
internal sealed partial class WebhookInboxProcessor(
    IWebhookInbox inbox,
    WebhookEventApplier applier,
    IOptions<WebhookIntakeOptions> options,
    TimeProvider time,
    ILogger<WebhookInboxProcessor> logger) : BackgroundService
{
    /// <summary>The activity source of inbox attempts (traced by the gateway's <c>NordeaConnect.*</c> sources).</summary>
    public const string ActivitySourceName = "NordeaConnect.Gateway.Webhooks";

    private const int Batch = 32;
    private static readonly ActivitySource Tracing = new(ActivitySourceName);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var nextPurge = time.GetUtcNow();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var now = time.GetUtcNow();
                var due = await inbox.ClaimDueAsync(now, now + (settings.InlineRefreshTimeout * 2), Batch, stoppingToken).ConfigureAwait(false);
                foreach (var pending in due)
                {
                    using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                    timeout.CancelAfter(settings.InlineRefreshTimeout);
                    using var activity = StartProcessActivity(pending);
                    var outcome = await applier.ApplyAsync(pending.Event, pending.Attempts, timeout.Token).ConfigureAwait(false);
                    if (outcome.Result == WebhookRefreshResult.Failed)
                    {
                        activity?.SetStatus(ActivityStatusCode.Error, outcome.Error);
                    }
                }

                if (now >= nextPurge)
                {
                    await inbox.PurgeAsync(now - settings.Retention, stoppingToken).ConfigureAwait(false);
                    nextPurge = now + TimeSpan.FromMinutes(10);
                }

                if (due.Count == Batch)
                {
                    continue;
                }
            }
            catch (Exception failure) when (failure is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                LogRoundFailed(logger, failure);
            }

            await Task.Delay(settings.PollInterval, time, stoppingToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The attempt's span, a child of the intake request that admitted the event (not merely linked to it: the webhook's
    /// trace must reach the refresh it caused, however late). Without a stored context it is the root of a trace of its own.
    /// </summary>
    private static Activity? StartProcessActivity(PendingWebhookEvent pending)
    {
        ActivityContext parent = default;
        if (pending.Trace?.TryGetParent(out parent) != true)
        {
            // This worker's own ambient activity, if any, has nothing to do with the webhook.
            Activity.Current = null;
        }

        var activity = Tracing.StartActivity("webhook process", ActivityKind.Internal, parent);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("nordeaconnect.webhook.trigger", pending.Event.Trigger);
            activity.SetTag("nordeaconnect.webhook.entity", new EntityKey(pending.Event.EntityKind, pending.Event.EntityId).ToString());
            activity.SetTag("nordeaconnect.webhook.attempt", pending.Attempts + 1);
        }

        return activity;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook inbox round failed; retrying at the next poll")]
    private static partial void LogRoundFailed(ILogger logger, Exception failure);
}
