using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using NordeaConnect.Gateway.Notifications.Dispatch;
using NordeaConnect.Gateway.Observability;
using NordeaConnect.Gateway.Observability.Correlation;
using NordeaConnect.Gateway.Tests.EndToEnd;
using NordeaConnect.Gateway.Tests.Notifications.Infrastructure;
using NordeaConnect.Gateway.Webhooks;
using NordeaConnect.Grains.V1;

namespace NordeaConnect.Gateway.Tests.Observability;

/// <summary>Traces and <c>/metrics</c> of a gateway storing in PostgreSQL, checked with an in-memory exporter and promtool.</summary>
[Collection(TelemetryCollection.Name)]
public sealed partial class TelemetryEndToEndTests(TelemetryGatewayFixture gateway) : IClassFixture<TelemetryGatewayFixture>
{
    [Fact]
    public async Task One_trace_spans_the_grpc_call_the_grain_call_the_upstream_request_and_the_postgres_write()
    {
        var correlationId = "trace-" + Guid.NewGuid().ToString("N")[..12];
        var headers = GatewayFixture.As(idempotencyKey: Guid.NewGuid().ToString());
        headers.Add(CallCorrelation.MetadataKey, correlationId);

        var created = await new TransactionsClient(gateway.Channel).CreateAsync(Orders.CardPayment("12.00"), headers);

        var server = await gateway.SpanAsync(s => s.Kind == ActivityKind.Server && Equals(s.GetTagItem(CallCorrelation.ActivityKey), correlationId), "of the gRPC call");
        var trace = server.TraceId;
        var grain = await gateway.SpanAsync(s => s.TraceId == trace && s.Source.Name == "Microsoft.Orleans.Application", "of a grain call in the trace");
        var upstream = await gateway.SpanAsync(s => s.TraceId == trace && s.Source.Name == "NordeaConnect.Client" && (string?)s.GetTagItem("http.request.method") == "POST", "of the upstream POST in the trace");
        var write = await gateway.SpanAsync(s => s.TraceId == trace && s.Source.Name == "Npgsql" && QueryText(s).Contains("writetostorage", StringComparison.OrdinalIgnoreCase), "of the PostgreSQL write in the trace");

        Assert.StartsWith("000.", created.Result.Code, StringComparison.Ordinal);
        Assert.Contains("/nordeaconnect.grains.v1.Transactions/Create", server.DisplayName, StringComparison.Ordinal);
        Assert.Equal(ActivityKind.Client, upstream.Kind);
        Assert.Equal(correlationId, upstream.GetTagItem("nordeaconnect.correlation_id"));
        Assert.Equal(correlationId, grain.GetBaggageItem(CallCorrelation.ActivityKey));
        Assert.Equal(ActivityKind.Client, write.Kind);
    }

    [Fact]
    public async Task A_webhook_starts_a_trace_that_reaches_the_grain_it_refreshes_and_the_notification_it_sends()
    {
        var receiver = gateway.Receiver;
        var customerRef = Orders.NewRef("c");
        var link = new CreateTransactionRequest
        {
            PaymentRef = Orders.NewRef("o"),
            Amount = "13.00",
            Currency = "sek",
            Test = true,
            Process = false,
            CustomerRef = customerRef,
            NotificationUrl = receiver.Url.ToString(),
        };
        var pending = (await new TransactionsClient(gateway.Channel).CreateAsync(link, GatewayFixture.As(idempotencyKey: Guid.NewGuid().ToString()))).Transaction;
        var entity = NordeaConnect.Gateway.Changes.EntityKey.ForTransaction(pending.Id).ToString();
        // Paid in the payment window: upstream's state changes behind the gateway's back, and only the webhook tells it.
        await Orders.PayInCheckoutAsync(pending.Href, customerRef, planId: null);

        // The sender's trace context tells this delivery's spans apart from those of other gateways in this process.
        using var sender = new ActivitySource("NordeaConnect.Tests.WebhookSender");
        ActivityTraceId trace;
        using (var sending = sender.StartActivity("upstream sends a webhook", ActivityKind.Producer) ?? throw new InvalidOperationException("The gateway's tracer does not listen to NordeaConnect.* sources."))
        {
            trace = sending.TraceId;
            using var delivered = await gateway.DeliverWebhookAsync("payment_success", pending.Id);
            Assert.True(delivered.IsSuccessStatusCode, await delivered.Content.ReadAsStringAsync());
        }

        var intake = await gateway.SpanAsync(s => s.TraceId == trace && s.Kind == ActivityKind.Server && s.GetTagItem("url.path") is string path && path.EndsWith("/payment_success", StringComparison.Ordinal), "of the webhook delivery");
        var grain = await gateway.SpanAsync(s => s.TraceId == trace && s.Source.Name == "Microsoft.Orleans.Application", "of a grain call in the webhook's trace");
        var upstream = await gateway.SpanAsync(s => s.TraceId == trace && s.Source.Name == "NordeaConnect.Client", "of the re-read upstream in the webhook's trace");
        await receiver.WaitForAsync(got => got.Any(n => n.Entity == entity && Status(n) == "approved"));
        var approved = receiver.Accepted.First(n => n.Entity == entity && Status(n) == "approved");
        var delivery = await gateway.SpanAsync(s => s.TraceId == trace && s.Source.Name == NotificationDispatcher.ActivitySourceName, "of the notification's delivery in the webhook's trace");
        var post = await gateway.SpanAsync(s => s.TraceId == trace && s.Kind == ActivityKind.Client && s.ParentSpanId == delivery.SpanId, "of the notification's POST in the webhook's trace");
        var created = receiver.Accepted.First(n => n.Entity == entity && Status(n) == "pending");

        Assert.Equal(intake.TraceId, grain.TraceId);
        Assert.Equal("GET", upstream.GetTagItem("http.request.method"));
        Assert.Equal(entity, delivery.GetTagItem("nordeaconnect.notification.entity"));
        Assert.Equal(approved.Version, delivery.GetTagItem("nordeaconnect.notification.version"));
        Assert.Equal("POST", post.GetTagItem("http.request.method"));
        // What the receiver saw: the webhook's trace id, and the POST's span as the parent of whatever it does next.
        var seen = (approved.TraceParent ?? string.Empty).Split('-');
        Assert.True(seen.Length == 4, "the receiver's traceparent header: " + approved.TraceParent);
        Assert.Equal(trace.ToHexString(), seen[1]);
        Assert.Equal(post.SpanId.ToHexString(), seen[2]);
        Assert.Equal(1, int.Parse(seen[3], NumberStyles.HexNumber, CultureInfo.InvariantCulture) & 1); // sampled
        // The creation's notification belongs to the trace of the gRPC call that created the payment, not the webhook's.
        Assert.NotNull(created.TraceParent);
        Assert.DoesNotContain(trace.ToHexString(), created.TraceParent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_webhook_the_inbox_applies_after_a_failed_first_attempt_is_processed_in_the_intake_trace()
    {
        var receiver = gateway.Receiver;
        var customerRef = Orders.NewRef("c");
        var link = new CreateTransactionRequest
        {
            PaymentRef = Orders.NewRef("o"),
            Amount = "14.00",
            Currency = "sek",
            Test = true,
            Process = false,
            CustomerRef = customerRef,
            NotificationUrl = receiver.Url.ToString(),
        };
        var pending = (await new TransactionsClient(gateway.Channel).CreateAsync(link, GatewayFixture.As(idempotencyKey: Guid.NewGuid().ToString()))).Transaction;
        var entity = NordeaConnect.Gateway.Changes.EntityKey.ForTransaction(pending.Id).ToString();
        await Orders.PayInCheckoutAsync(pending.Href, customerRef, planId: null);

        // The intake's own re-read fails: the event is recorded, answered 202, and left to the inbox processor.
        using var sender = new ActivitySource("NordeaConnect.Tests.WebhookSender");
        ActivityTraceId trace;
        await gateway.AddSandboxFaultAsync(new { method = "GET", path = "/v1/transactions/" + pending.Id.ToString(CultureInfo.InvariantCulture), fault = "status", status = 503 });
        try
        {
            using var sending = sender.StartActivity("upstream sends a webhook", ActivityKind.Producer) ?? throw new InvalidOperationException("The gateway's tracer does not listen to NordeaConnect.* sources.");
            trace = sending.TraceId;
            using var delivered = await gateway.DeliverWebhookAsync("payment_success", pending.Id);
            Assert.True(delivered.StatusCode == System.Net.HttpStatusCode.Accepted, (int)delivered.StatusCode + " " + await delivered.Content.ReadAsStringAsync());
        }
        finally
        {
            await gateway.ClearSandboxFaultsAsync();
        }

        var intake = await gateway.SpanAsync(s => s.TraceId == trace && s.Kind == ActivityKind.Server && s.GetTagItem("url.path") is string path && path.EndsWith("/payment_success", StringComparison.Ordinal), "of the webhook delivery");
        var processed = await gateway.SpanAsync(s => s.TraceId == trace && s.Source.Name == WebhookInboxProcessor.ActivitySourceName && s.Status != ActivityStatusCode.Error, "of the inbox's successful attempt in the webhook's trace");
        var grain = await gateway.SpanAsync(s => s.Source.Name == "Microsoft.Orleans.Application" && Under(s, processed), "of the grain call under the inbox's attempt");
        var upstream = await gateway.SpanAsync(s => s.Source.Name == "NordeaConnect.Client" && Under(s, processed), "of the upstream re-read under the inbox's attempt");
        await receiver.WaitForAsync(got => got.Any(n => n.Entity == entity && Status(n) == "approved"));
        var approved = receiver.Accepted.First(n => n.Entity == entity && Status(n) == "approved");
        var delivery = await gateway.SpanAsync(s => s.TraceId == trace && s.Source.Name == NotificationDispatcher.ActivitySourceName && Equals(s.GetTagItem("nordeaconnect.notification.entity"), entity), "of the notification's delivery in the webhook's trace");

        Assert.Equal(intake.SpanId, processed.ParentSpanId);
        Assert.Equal(entity, processed.GetTagItem("nordeaconnect.webhook.entity"));
        Assert.True(processed.GetTagItem("nordeaconnect.webhook.attempt") is int attempt && attempt >= 2, "the attempt after the intake's: " + processed.GetTagItem("nordeaconnect.webhook.attempt"));
        Assert.Equal(trace, grain.TraceId);
        Assert.Equal("GET", upstream.GetTagItem("http.request.method"));
        Assert.Equal(approved.Version, delivery.GetTagItem("nordeaconnect.notification.version"));
        Assert.Equal(trace.ToHexString(), (approved.TraceParent ?? string.Empty).Split('-').ElementAtOrDefault(1));
    }

    [Fact]
    public async Task Metrics_after_payments_captures_refunds_and_webhooks_pass_promtool_and_show_what_happened()
    {
        var receiver = gateway.Receiver;
        var transactions = new TransactionsClient(gateway.Channel);
        var payment = Orders.CardPayment("40.00", authorize: true);
        payment.NotificationUrl = receiver.Url.ToString();
        var authorized = await transactions.CreateAsync(payment, GatewayFixture.As(idempotencyKey: Guid.NewGuid().ToString()));
        var id = authorized.Transaction.Id;
        await transactions.GetAsync(new GetTransactionRequest { Id = id }, GatewayFixture.As(GatewayFixture.ReadOnly));
        await transactions.CaptureAsync(new CaptureTransactionRequest { Id = id }, GatewayFixture.As(idempotencyKey: Guid.NewGuid().ToString()));
        await transactions.RefundAsync(new RefundTransactionRequest { Id = id, Amount = "10.00", Reason = "returned" }, GatewayFixture.As(idempotencyKey: Guid.NewGuid().ToString()));
        (await gateway.DeliverWebhookAsync("refund", id)).Dispose();
        (await gateway.DeliverWebhookAsync("no_such_trigger", id)).Dispose();

        var notified = NordeaConnect.Gateway.Changes.EntityKey.ForTransaction(id).ToString();
        await receiver.WaitForAsync(got => got.Any(n => n.Entity == notified));

        using var response = await gateway.Observability.GetAsync(new Uri(ObservabilityEndpointRouteBuilderExtensions.MetricsPath, UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();

        var check = await Promtool.CheckMetricsAsync(text);
        Assert.True(check.Parsed, "promtool check metrics could not parse /metrics:\n" + check.Output);
        Assert.True(check.Problems.All(Promtool.IsKnownConventionClash), "promtool check metrics found problems:\n" + check.Output);
        Assert.StartsWith("text/plain", response.Content.Headers.ContentType!.ToString(), StringComparison.Ordinal);
        Assert.Contains("# TYPE nordeaconnect_gateway_rpc_calls_total counter", text, StringComparison.Ordinal);
        AtLeast(1, text, "nordeaconnect_gateway_rpc_calls_total", "method=\"/nordeaconnect.grains.v1.Transactions/Capture\"", "result=\"000\"");
        AtLeast(1, text, "nordeaconnect_gateway_rpc_duration_seconds_bucket", "method=\"/nordeaconnect.grains.v1.Transactions/Refund\"", "le=\"+Inf\"");
        AtLeast(2, text, "nordeaconnect_client_request_duration_seconds_count", "http_request_method=\"POST\"", "nordeaconnect_result_code=\"000.000.000\"");
        AtLeast(1, text, "nordeaconnect_client_request_duration_seconds_count", "http_request_method=\"PUT\"", "nordeaconnect_result_code=\"000.000.000\"");
        AtLeast(1, text, "nordeaconnect_grains_cache_lookups_total", "grain_type=\"transaction\"");
        AtLeast(1, text, "nordeaconnect_gateway_webhooks_received_total", "outcome=\"applied\"");
        AtLeast(1, text, "nordeaconnect_gateway_webhooks_received_total", "outcome=\"unknown_trigger\"");
        AtLeast(1, text, "nordeaconnect_gateway_notifications_deliveries_total", "outcome=\"delivered\"");
        Assert.Matches("(?m)^nordeaconnect_gateway_notifications_outbox_depth(\\{[^}]*\\})? \\d+", text);
        Assert.Matches("(?m)^nordeaconnect_gateway_notifications_outbox_dead(\\{[^}]*\\})? \\d+", text);
        Assert.Contains("# HELP nordeaconnect_grains_cache_lookups_total Reads of a grain's cached upstream state", text, StringComparison.Ordinal);
        AtLeast(1, text, "http_server_request_duration_seconds_count", "http_route=\"/nordeaconnect.grains.v1.Transactions/Capture\"", "network_protocol_version=\"2\"");
        AtLeast(3, text, "http_client_request_duration_seconds_count");
        Assert.Matches(Family("orleans_"), text);
        Assert.Matches(Family("dotnet_"), text);
        Assert.Matches(Family("db_client_"), text);
    }

    [Fact]
    public async Task An_entry_in_doubt_raises_the_gauge_until_reconciliation_settles_it_and_is_counted_when_its_grain_activates()
    {
        var transactions = new TransactionsClient(gateway.Channel);
        var paid = await transactions.CreateAsync(Orders.CardPayment("30.00"), GatewayFixture.As(idempotencyKey: Guid.NewGuid().ToString()));
        var refund = new RefundTransactionRequest { Id = paid.Transaction.Id, Amount = "5.00", Reason = "doubt" };
        var key = Guid.NewGuid().ToString();

        // The refund is booked but its answer is lost, and reading the transaction back fails: the entry stays in doubt.
        await gateway.AddSandboxFaultAsync(new { method = "POST", path = "/v1/refunds", fault = "apply_then_drop", count = 1 });
        await gateway.AddSandboxFaultAsync(new { method = "GET", path = "/v1/transactions/" + paid.Transaction.Id.ToString(CultureInfo.InvariantCulture), fault = "status", status = 503 });
        string during;
        try
        {
            await Assert.ThrowsAsync<Grpc.Core.RpcException>(() => transactions.RefundAsync(refund, GatewayFixture.As(idempotencyKey: key)).ResponseAsync);
            during = await gateway.ScrapeAsync();
        }
        finally
        {
            await gateway.ClearSandboxFaultsAsync();
        }

        // The grain is deactivated, as when its node dies; the caller retries with the same key, the grain activates
        // afresh from storage, counts the entry it finds in doubt, and settles it (reconciliation finds the refund).
        await gateway.CollectActivationsAsync();
        var settled = await transactions.RefundAsync(refund, GatewayFixture.As(idempotencyKey: key));
        var after = await gateway.ScrapeAsync();

        Assert.StartsWith("000.", settled.Result.Code, StringComparison.Ordinal);
        AtLeast(1, during, "nordeaconnect_grains_journal_in_doubt", "grain_type=\"transaction\"");
        Assert.Matches("(?m)^nordeaconnect_grains_journal_in_doubt_oldest_age_seconds\\{[^}]*grain_type=\"transaction\"[^}]*\\} ", during);
        AtLeast(1, during, "nordeaconnect_grains_journal_reconciliations_total", "grain_type=\"transaction\"", "verdict=\"unreadable\"");
        Assert.Equal(0, Value(after, "nordeaconnect_grains_journal_in_doubt", "grain_type=\"transaction\""));
        Assert.Contains("nordeaconnect_grains_journal_in_doubt{", after, StringComparison.Ordinal);
        Assert.DoesNotMatch("(?m)^nordeaconnect_grains_journal_in_doubt_oldest_age_seconds\\{[^}]*grain_type=\"transaction\"", after);
        AtLeast(1, after, "nordeaconnect_grains_journal_reconciliations_total", "grain_type=\"transaction\"", "verdict=\"done\"");
        AtLeast(Value(during, FoundAtActivation, "grain_type=\"transaction\"") + 1, after, FoundAtActivation, "grain_type=\"transaction\"");
    }

    private const string FoundAtActivation = "nordeaconnect_grains_journal_in_doubt_at_activation_total";

    /// <summary>Whether <paramref name="span"/> descends from <paramref name="ancestor"/> among the finished spans.</summary>
    private bool Under(Activity span, Activity ancestor)
    {
        if (span.TraceId != ancestor.TraceId)
        {
            return false;
        }

        var byId = gateway.Spans.GroupBy(s => s.SpanId).ToDictionary(g => g.Key, g => g.First());
        for (var parent = span.ParentSpanId; parent != default; parent = byId.TryGetValue(parent, out var next) ? next.ParentSpanId : default)
        {
            if (parent == ancestor.SpanId)
            {
                return true;
            }
        }

        return false;
    }

    private static string? Status(ReceivedNotification notification) =>
        System.Text.Json.JsonDocument.Parse(notification.Body).RootElement.GetProperty("transaction").GetProperty("status").GetString();

    private static string QueryText(Activity span) =>
        (span.GetTagItem("db.query.text") ?? span.GetTagItem("db.statement"))?.ToString() ?? string.Empty;

    private static Regex Family(string prefix) => new("(?m)^# TYPE " + Regex.Escape(prefix) + @"\w+ ");

    private static void AtLeast(double minimum, string exposition, string name, params string[] labels)
    {
        var value = Value(exposition, name, labels);
        Assert.True(value >= minimum, name + "{" + string.Join(",", labels) + "} is " + value.ToString(CultureInfo.InvariantCulture) + ", expected at least "
            + minimum.ToString(CultureInfo.InvariantCulture) + "; the family holds:\n" + string.Join("\n", exposition.Split('\n').Where(line => line.StartsWith(name, StringComparison.Ordinal)).Take(30)));
    }

    /// <summary>The sum of the samples of <paramref name="name"/> whose labels include every one of <paramref name="labels"/>.</summary>
    private static double Value(string exposition, string name, params string[] labels) =>
        exposition.Split('\n')
            .Where(line => line.StartsWith(name + "{", StringComparison.Ordinal) || line.StartsWith(name + " ", StringComparison.Ordinal))
            .Where(line => labels.All(label => line.Contains(label, StringComparison.Ordinal)))
            .Sum(line => double.Parse(line[(line.LastIndexOf('}') is var brace and >= 0 ? brace + 1 : line.IndexOf(' ', StringComparison.Ordinal))..].Trim().Split(' ')[0], CultureInfo.InvariantCulture));
}
