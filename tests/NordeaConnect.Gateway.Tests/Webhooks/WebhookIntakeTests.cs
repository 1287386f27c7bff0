using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using NordeaConnect.Gateway.Changes;
using NordeaConnect.Gateway.Notifications.Outbox;
using NordeaConnect.Gateway.Webhooks;
using NordeaConnect.Gateway.Tests.Notifications.Infrastructure;
using NordeaConnect.Sandbox.Faults;
using NordeaConnect.Sandbox.Hosting;

namespace NordeaConnect.Gateway.Tests.Webhooks;

/// <summary>The intake over real HTTP, re-reading from the sandbox over real HTTP.</summary>
public sealed class WebhookIntakeTests : IAsyncLifetime
{
    private RunningSandbox _sandbox = null!;
    private GatewayTestHost _host = null!;

    public async Task InitializeAsync()
    {
        _sandbox = await SandboxServer.StartAsync();
        _host = await GatewayTestHost.StartAsync(_sandbox);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _sandbox.DisposeAsync();
    }

    [Theory]
    [InlineData("json")]
    [InlineData("form_data")]
    [InlineData("xml")]
    public async Task A_webhook_in_each_format_makes_the_grain_read_the_paid_transaction(string format)
    {
        var (id, token) = await SandboxPayments.PendingAsync(_host);
        Assert.Equal("pending", (await SandboxPayments.LatestTransactionAsync(_host, id)).GetProperty("status").GetString());
        await SandboxPayments.CheckoutAsync(_sandbox, token);

        var answer = await PostAsync("payment_success", Body(format, id, "status", "approved"), ContentType(format));

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal("applied", answer.Json.GetProperty("status").GetString());
        Assert.True(answer.Json.GetProperty("changed").GetBoolean());
        var latest = await SandboxPayments.LatestTransactionAsync(_host, id);
        Assert.Equal("approved", latest.GetProperty("status").GetString());
        Assert.Equal("webhook", latest.GetProperty("change").GetProperty("reason").GetString());
    }

    [Fact]
    public async Task A_forged_payload_changes_nothing_because_the_entity_is_read_again()
    {
        var (id, _) = await SandboxPayments.PendingAsync(_host, amount: "120.00");
        var before = await _host.Outbox.LatestChangeAsync(EntityKey.ForTransaction(id), CancellationToken.None);

        var forged = "{\"id\": " + SandboxPayments.Text(id) + ", \"amount\": \"1.00\", \"status\": \"approved\", \"currency\": \"eur\"}";
        var answer = await PostAsync("payment_success", forged, "application/json");

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.False(answer.Json.GetProperty("changed").GetBoolean());
        var after = await _host.Outbox.LatestChangeAsync(EntityKey.ForTransaction(id), CancellationToken.None);
        Assert.Equal(before!.Version, after!.Version);
        var latest = await SandboxPayments.LatestTransactionAsync(_host, id);
        Assert.Equal("120.00", latest.GetProperty("amount").GetString());
        Assert.Equal("pending", latest.GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_thousand_duplicate_and_reordered_deliveries_leave_one_change_and_the_upstream_state()
    {
        var (id, token) = await SandboxPayments.PendingAsync(_host);
        var text = SandboxPayments.Text(id);
        // What upstream would send: the payment window opening (pending), then the payment (approved), each retried.
        var stale = "{\"id\": " + text + ", \"status\": \"pending\"}";
        var fresh = "{\"id\": " + text + ", \"status\": \"approved\"}";
        await SandboxPayments.CheckoutAsync(_sandbox, token);
        var deliveries = Enumerable.Range(0, 1000)
            .Select(i => (i % 3) switch { 0 => ("payment_form", stale), 1 => ("payment_success", fresh), _ => ("payment", fresh) })
            .OrderBy(_ => Random.Shared.Next())
            .ToArray();

        var statuses = new HttpStatusCode[deliveries.Length];
        await Parallel.ForEachAsync(Enumerable.Range(0, deliveries.Length), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, ct) =>
        {
            using var content = new StringContent(deliveries[i].Item2, Encoding.UTF8, "application/json");
            using var response = await _host.Http.PostAsync(GatewayTestHost.IntakePath + "/" + deliveries[i].Item1, content, ct);
            statuses[i] = response.StatusCode;
        });

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
        var changes = await _host.Outbox.ReadChangesAsync(EntityKey.ForTransaction(id), 0, 100, CancellationToken.None);
        // Created, then approved: three distinct events were re-read, the state changed once.
        Assert.Equal(["created", "webhook"], changes.Select(c => c.Reason));
        Assert.Equal([1L, 2L], changes.Select(c => c.Version));
        Assert.Equal("approved", (await SandboxPayments.LatestTransactionAsync(_host, id)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task An_event_whose_re_read_fails_is_accepted_and_applied_by_the_inbox_once_upstream_answers()
    {
        var (id, token) = await SandboxPayments.PendingAsync(_host);
        await SandboxPayments.CheckoutAsync(_sandbox, token);
        var outage = _sandbox.Faults.Add(new FaultRuleSpec { Method = "GET", Path = "/v1/transactions/*", Fault = FaultKind.Status, Status = 503 });
        var body = "{\"id\": " + SandboxPayments.Text(id) + "}";

        var accepted = await PostAsync("payment_success", body, "application/json");
        var again = await PostAsync("payment_success", body, "application/json");

        Assert.Equal(HttpStatusCode.Accepted, accepted.Status);
        Assert.Equal("accepted", accepted.Json.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, again.Status);
        Assert.Equal("duplicate", again.Json.GetProperty("status").GetString());
        Assert.Equal("pending", (await SandboxPayments.LatestTransactionAsync(_host, id)).GetProperty("status").GetString());

        Assert.True(_sandbox.Faults.Remove(outage.Id));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while ((await SandboxPayments.LatestTransactionAsync(_host, id)).GetProperty("status").GetString() != "approved")
        {
            await Task.Delay(50, timeout.Token);
        }

        var changes = await _host.Outbox.ReadChangesAsync(EntityKey.ForTransaction(id), 0, 100, CancellationToken.None);
        Assert.Equal(["created", "webhook"], changes.Select(c => c.Reason));
    }

    [Fact]
    public async Task Bad_deliveries_get_a_4xx_naming_the_problem_and_change_nothing()
    {
        var (id, _) = await SandboxPayments.PendingAsync(_host);
        var before = await _host.Outbox.LatestChangeAsync(EntityKey.ForTransaction(id), CancellationToken.None);
        var text = SandboxPayments.Text(id);

        await AssertRefusedAsync("payment", "{\"id\": " + text, "application/json", HttpStatusCode.BadRequest, "malformed_body", "not valid JSON");
        await AssertRefusedAsync("payment", "<transaction><id>" + text + "</id>", "application/xml", HttpStatusCode.BadRequest, "malformed_body", "XML");
        await AssertRefusedAsync("payment", "status=approved", "application/x-www-form-urlencoded", HttpStatusCode.BadRequest, "malformed_body", "no id field");
        await AssertRefusedAsync("payment", "id=" + text, "text/plain", HttpStatusCode.UnsupportedMediaType, "unsupported_content_type", "Content-Type");
        await AssertRefusedAsync("payment", "{\"id\": " + text + ", \"pad\": \"" + new string('x', 300 * 1024) + "\"}", "application/json", HttpStatusCode.RequestEntityTooLarge, "body_too_large", "262144 bytes");
        await AssertRefusedAsync("payment_exploded", "{\"id\": " + text + "}", "application/json", HttpStatusCode.NotFound, "unknown_trigger", "payment_exploded");
        await AssertRefusedAsync("payment", "{\"id\": 987654321}", "application/json", HttpStatusCode.NotFound, "unknown_entity", "no transaction");
        // The same unknown id again is a duplicate of a rejected event: still refused, still without a change.
        await AssertRefusedAsync("payment", "{\"id\": 987654321}", "application/json", HttpStatusCode.NotFound, "unknown_entity", "no transaction");

        var after = await _host.Outbox.LatestChangeAsync(EntityKey.ForTransaction(id), CancellationToken.None);
        Assert.Equal(before!.Version, after!.Version);
        Assert.Null(await _host.Outbox.LatestChangeAsync(EntityKey.ForTransaction(987654321), CancellationToken.None));
    }

    [Fact]
    public async Task An_event_that_cannot_be_recorded_gets_503_so_upstream_retries_and_changes_nothing()
    {
        await using var broken = await GatewayTestHost.StartAsync(_sandbox, replace: services => services.AddSingleton<IWebhookInbox, UnreachableInbox>());
        var (id, token) = await SandboxPayments.PendingAsync(broken);
        await SandboxPayments.CheckoutAsync(_sandbox, token);

        using var response = await broken.Http.PostAsync(
            GatewayTestHost.IntakePath + "/payment_success",
            new StringContent("{\"id\": " + SandboxPayments.Text(id) + "}", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("inbox_unavailable", JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetString());
        Assert.Equal("pending", (await SandboxPayments.LatestTransactionAsync(broken, id)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_configured_shared_secret_keeps_strangers_out()
    {
        await using var guarded = await GatewayTestHost.StartAsync(_sandbox, intake: o => o.SharedSecret = "s3cret-token-0123456789");
        var (id, _) = await SandboxPayments.PendingAsync(guarded);
        var body = "{\"id\": " + SandboxPayments.Text(id) + "}";

        using var stranger = await guarded.Http.PostAsync(GatewayTestHost.IntakePath + "/payment", new StringContent(body, Encoding.UTF8, "application/json"));
        using var wrong = await guarded.Http.PostAsync(GatewayTestHost.IntakePath + "/payment?token=guess", new StringContent(body, Encoding.UTF8, "application/json"));
        // The secret in the URL is refused: request logs keep URLs. It travels in the header (templates' custom_headers).
        using var byQuery = await guarded.Http.PostAsync(GatewayTestHost.IntakePath + "/payment?token=s3cret-token-0123456789", new StringContent(body, Encoding.UTF8, "application/json"));
        using var byHeader = new HttpRequestMessage(HttpMethod.Post, GatewayTestHost.IntakePath + "/payment") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        byHeader.Headers.Add(WebhookIntakeOptions.TokenHeader, "s3cret-token-0123456789");
        using var admitted = await guarded.Http.SendAsync(byHeader);

        Assert.Equal(HttpStatusCode.Unauthorized, stranger.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, byQuery.StatusCode);
        Assert.Equal(HttpStatusCode.OK, admitted.StatusCode);
    }

    private async Task AssertRefusedAsync(string trigger, string body, string contentType, HttpStatusCode status, string error, string mentions)
    {
        var answer = await PostAsync(trigger, body, contentType);
        Assert.Equal(status, answer.Status);
        Assert.Equal(error, answer.Json.GetProperty("error").GetString());
        Assert.Contains(mentions, answer.Json.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    private async Task<(HttpStatusCode Status, JsonElement Json)> PostAsync(string trigger, string body, string contentType)
    {
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        using var response = await _host.Http.PostAsync(GatewayTestHost.IntakePath + "/" + trigger, content);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, JsonDocument.Parse(text).RootElement.Clone());
    }

    private static string ContentType(string format) => format switch
    {
        "form_data" => "application/x-www-form-urlencoded",
        "xml" => "application/xml; charset=utf-8",
        _ => "application/json; charset=utf-8",
    };

    private static string Body(string format, long id, string field, string value) => format switch
    {
        "form_data" => "id=" + SandboxPayments.Text(id) + "&" + field + "=" + value,
        "xml" => "<?xml version=\"1.0\" encoding=\"utf-8\"?><transaction><id>" + SandboxPayments.Text(id) + "</id><" + field + ">" + value + "</" + field + "></transaction>",
        _ => "{\"id\": " + SandboxPayments.Text(id) + ", \"" + field + "\": \"" + value + "\"}",
    };

    /// <summary>An inbox whose database is gone.</summary>
    private sealed class UnreachableInbox : IWebhookInbox
    {
        public Task<InboxAdmission> AdmitAsync(WebhookEvent webhookEvent, DeliveryTrace? trace, DateTimeOffset now, CancellationToken cancellationToken) => throw Unreachable();

        public Task MarkAppliedAsync(string eventKey, DateTimeOffset now, CancellationToken cancellationToken) => throw Unreachable();

        public Task MarkRejectedAsync(string eventKey, DateTimeOffset now, string error, CancellationToken cancellationToken) => throw Unreachable();

        public Task MarkRetryAsync(string eventKey, int attempts, DateTimeOffset nextAttemptAt, string error, CancellationToken cancellationToken) => throw Unreachable();

        public Task<IReadOnlyList<PendingWebhookEvent>> ClaimDueAsync(DateTimeOffset now, DateTimeOffset leaseUntil, int limit, CancellationToken cancellationToken) => throw Unreachable();

        public Task<int> PurgeAsync(DateTimeOffset olderThan, CancellationToken cancellationToken) => throw Unreachable();

        private static InvalidOperationException Unreachable() => new("the inbox's database is unreachable");
    }
}
