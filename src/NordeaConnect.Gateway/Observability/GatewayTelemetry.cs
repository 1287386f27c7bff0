using System.Diagnostics.Metrics;
using NordeaConnect.Gateway.Webhooks;

namespace NordeaConnect.Gateway.Observability;

/// <summary>
/// Instruments of the webhook intake and the notification outbox, under the meter <c>NordeaConnect.Gateway.Flows</c>:
/// static so their owners record with one line, without a constructor parameter.
/// </summary>
public static class GatewayTelemetry
{
    public const string MeterName = "NordeaConnect.Gateway.Flows";

    private static readonly Meter Meter = new(MeterName);

    private static readonly Counter<long> WebhooksReceived = Meter.CreateCounter<long>(
        "nordeaconnect.gateway.webhooks.received", "{webhook}", "Webhook deliveries received, by outcome: applied, duplicate, accepted (recorded, re-read later), or the refusal's error code (unauthorized, malformed_body, unknown_entity, inbox_unavailable, ...).");

    private static readonly Counter<long> DeadLetters = Meter.CreateCounter<long>(
        "nordeaconnect.gateway.notifications.dead_letters", "{delivery}", "Notification deliveries given up after their last retry; each is a receiver that missed a change.");

    private static readonly Counter<long> Deliveries = Meter.CreateCounter<long>(
        "nordeaconnect.gateway.notifications.deliveries", "{delivery}", "Notification delivery attempts finished, by outcome: delivered, retry (failed, tried again later), dead.");

    /// <summary>The endpoint filter of the webhook intake: counts each answer by its outcome.</summary>
    public static async ValueTask<object?> CountWebhookOutcome(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var outcome = "error";
        try
        {
            var result = await next(context).ConfigureAwait(false);
            outcome = result is IValueHttpResult { Value: WebhookIntakeAnswer answer } ? answer.Error ?? answer.Status : "error";
            return result;
        }
        finally
        {
            WebhooksReceived.Add(1, new KeyValuePair<string, object?>("outcome", outcome));
        }
    }

    /// <summary>Counts one notification delivery attempt's outcome: <c>delivered</c>, <c>retry</c> or <c>dead</c>.</summary>
    public static void NotificationDelivery(string outcome)
    {
        Deliveries.Add(1, new KeyValuePair<string, object?>("outcome", outcome));
        if (outcome == "dead")
        {
            DeadLetters.Add(1);
        }
    }
}
