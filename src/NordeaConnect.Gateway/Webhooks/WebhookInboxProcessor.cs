using Microsoft.Extensions.Options;

namespace NordeaConnect.Gateway.Webhooks;

/// <summary>
/// Retries admitted events whose re-read failed (upstream down, the process stopped mid-way), with backoff, until
/// they are applied or the entity turns out not to exist; and forgets finished events after the retention.
/// </summary>
internal sealed partial class WebhookInboxProcessor(
    IWebhookInbox inbox,
    WebhookEventApplier applier,
    IOptions<WebhookIntakeOptions> options,
    TimeProvider time,
    ILogger<WebhookInboxProcessor> logger) : BackgroundService
{
    private const int Batch = 32;

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
                    await applier.ApplyAsync(pending.Event, pending.Attempts, timeout.Token).ConfigureAwait(false);
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook inbox round failed; retrying at the next poll")]
    private static partial void LogRoundFailed(ILogger logger, Exception failure);
}
