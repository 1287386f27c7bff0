using Microsoft.Extensions.Options;

namespace NordeaConnect.Gateway.Webhooks;

/// <summary>Applies an admitted event (re-read, publish if changed) and records the outcome in the inbox.</summary>
internal sealed partial class WebhookEventApplier(
    IWebhookInbox inbox,
    WebhookEntityRefresher refresher,
    IOptions<WebhookIntakeOptions> options,
    TimeProvider time,
    ILogger<WebhookEventApplier> logger)
{
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromMinutes(5);

    /// <param name="attempts">Attempts made before this one.</param>
    public async Task<WebhookRefreshOutcome> ApplyAsync(WebhookEvent webhookEvent, int attempts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(webhookEvent);
        WebhookRefreshOutcome outcome;
        try
        {
            outcome = await refresher.RefreshAsync(webhookEvent.EntityKind, webhookEvent.EntityId, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception failure) when (failure is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // A timeout, a grain that could not activate, an outbox that could not record: the event stays pending.
            LogRefreshFailed(logger, failure, webhookEvent.Trigger, webhookEvent.EntityKind, webhookEvent.EntityId);
            outcome = WebhookRefreshOutcome.Failed(failure.GetType().Name);
        }

        var now = time.GetUtcNow();
        switch (outcome.Result)
        {
            case WebhookRefreshResult.Applied:
                await inbox.MarkAppliedAsync(webhookEvent.EventKey, now, CancellationToken.None).ConfigureAwait(false);
                LogApplied(logger, webhookEvent.Trigger, webhookEvent.EntityKind, webhookEvent.EntityId, outcome.Changed);
                break;
            case WebhookRefreshResult.NotFound:
                await inbox.MarkRejectedAsync(webhookEvent.EventKey, now, outcome.Error ?? "not found", CancellationToken.None).ConfigureAwait(false);
                LogRejected(logger, webhookEvent.Trigger, webhookEvent.EntityKind, webhookEvent.EntityId);
                break;
            default:
                var delay = TimeSpan.FromTicks(Math.Min(options.Value.RetryBaseDelay.Ticks * (1L << Math.Min(attempts, 20)), MaxRetryDelay.Ticks));
                var jittered = delay * (0.5 + Random.Shared.NextDouble());
                await inbox.MarkRetryAsync(webhookEvent.EventKey, attempts + 1, now + jittered, outcome.Error ?? "failed", CancellationToken.None).ConfigureAwait(false);
                break;
        }

        return outcome;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Re-reading {EntityKind} {EntityId} for webhook {Trigger} failed; the inbox retries it")]
    private static partial void LogRefreshFailed(ILogger logger, Exception failure, string trigger, string entityKind, long entityId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Webhook {Trigger} for {EntityKind} {EntityId} applied (changed: {Changed})")]
    private static partial void LogApplied(ILogger logger, string trigger, string entityKind, long entityId, bool changed);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook {Trigger} named {EntityKind} {EntityId}, which upstream does not know; ignored")]
    private static partial void LogRejected(ILogger logger, string trigger, string entityKind, long entityId);
}
