using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using NordeaConnect.Sandbox.Clock;
using NordeaConnect.Sandbox.Webhooks.Delivery;

namespace NordeaConnect.Sandbox.Tests.Webhooks.Delivery;

public sealed class WebhookDeliveryQueueTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2030, 1, 31, 12, 0, 0, TimeSpan.Zero);
    private readonly RecordingObserver _observer = new();
    private WebhookReceiver _receiver = null!;
    private ServiceProvider _services = null!;

    private WebhookDeliveryQueue Queue => _services.GetRequiredService<WebhookDeliveryQueue>();

    private SandboxClock Clock => _services.GetRequiredService<SandboxClock>();

    public async Task InitializeAsync()
    {
        _receiver = await WebhookReceiver.StartAsync(flakyFailures: 2);
        _services = BuildServices(TimeSpan.FromSeconds(30));
    }

    private ServiceProvider BuildServices(TimeSpan attemptTimeout) => new ServiceCollection()
        .AddLogging()
        .AddSingleton<IWebhookDeliveryObserver>(_observer)
        .AddSandboxClock(o => { o.StartAt = Start; o.StartFrozen = true; })
        .AddSandboxWebhookDelivery(o => { o.RandomSeed = 7; o.AttemptTimeout = attemptTimeout; })
        .BuildServiceProvider();

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _receiver.DisposeAsync();
    }

    private WebhookDelivery Http(long id, string path, string method = "POST", WebhookDataFormat format = WebhookDataFormat.Json, string body = "{\"id\":1}") => new()
    {
        MerchantId = "3",
        WebhookId = id,
        Trigger = "payment_success",
        Channel = WebhookChannel.Http,
        Url = _receiver.Url(path),
        HttpMethod = method,
        DataFormat = format,
        Body = body,
    };

    [Fact]
    public async Task A_json_webhook_is_posted_with_its_content_type_and_headers_and_recorded_as_delivered()
    {
        Queue.Enqueue(Http(1, "ok") with { Headers = [KeyValuePair.Create("X-Shop", "acme")] });
        Assert.Equal(WebhookDeliveryState.Pending, Queue.Find("3", 1)!.State);
        Assert.Equal(1, await Queue.DeliverDueAsync(default));

        var received = Assert.Single(_receiver.Received);
        Assert.Equal(("POST", "/ok", "application/json; charset=utf-8", "{\"id\":1}"), (received.Method, received.Path, received.ContentType, received.Body));
        Assert.Equal("acme", received.Headers["X-Shop"]);

        var status = Queue.Find("3", 1)!;
        Assert.Equal(WebhookDeliveryState.Delivered, status.State);
        var attempt = Assert.Single(status.Attempts);
        Assert.Equal((1, Start, 200, "OK", "thanks", (string?)null), (attempt.Number, attempt.At, attempt.StatusCode, attempt.ReasonPhrase, attempt.ResponseBody, attempt.Error));
        Assert.Null(status.NextAttemptAt);
        Assert.Equal(0, await Queue.DeliverDueAsync(default));
    }

    [Theory]
    [InlineData("PUT", WebhookDataFormat.FormData, "application/x-www-form-urlencoded")]
    [InlineData("patch", WebhookDataFormat.Xml, "application/xml; charset=utf-8")]
    [InlineData("post", WebhookDataFormat.Json, "application/json; charset=utf-8")]
    public async Task The_method_and_content_type_follow_the_webhook(string method, WebhookDataFormat format, string contentType)
    {
        Queue.Enqueue(Http(2, "ok", method, format, "a=1"));
        await Queue.DeliverDueAsync(default);
        var received = Assert.Single(_receiver.Received);
        Assert.Equal((method.ToUpperInvariant(), contentType, "a=1"), (received.Method, received.ContentType, received.Body));
    }

    [Fact]
    public async Task A_get_webhook_carries_form_data_in_the_query_and_no_body()
    {
        Queue.Enqueue(Http(3, "ok?existing=1", "get", WebhookDataFormat.FormData, "id=5&status=approved"));
        await Queue.DeliverDueAsync(default);
        var received = Assert.Single(_receiver.Received);
        Assert.Equal(("GET", "?existing=1&id=5&status=approved", string.Empty), (received.Method, received.Query, received.Body));
    }

    [Fact]
    public async Task Redirects_are_not_followed_and_count_as_failures()
    {
        Queue.Enqueue(Http(4, "redirect"));
        await Queue.DeliverDueAsync(default);
        Assert.Equal(["/redirect"], _receiver.Received.Select(r => r.Path));
        var status = Queue.Find("3", 4)!;
        Assert.Equal(WebhookDeliveryState.Retrying, status.State);
        Assert.Equal(302, status.LastAttempt!.StatusCode);
        Assert.Contains("Redirect not followed", status.LastAttempt.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Failures_are_retried_on_the_reference_schedule_in_sandbox_time()
    {
        Queue.Enqueue(Http(5, "flaky"));
        await Queue.DeliverDueAsync(default);

        var draws = new Random(7);
        var expectedFirstRetry = Start + WebhookRetrySchedule.DelayBefore(0, draws);
        var status = Queue.Find("3", 5)!;
        Assert.Equal((WebhookDeliveryState.Retrying, 1, expectedFirstRetry), (status.State, status.RetryCount, status.NextAttemptAt!.Value));
        Assert.Equal(503, status.LastAttempt!.StatusCode);

        // Not due a second early.
        Clock.SetTo(expectedFirstRetry.AddSeconds(-1));
        Assert.Equal(0, await Queue.DeliverDueAsync(default));

        Clock.SetTo(expectedFirstRetry);
        Assert.Equal(1, await Queue.DeliverDueAsync(default));
        var expectedSecondRetry = expectedFirstRetry + WebhookRetrySchedule.DelayBefore(1, draws);
        Assert.Equal(expectedSecondRetry, Queue.Find("3", 5)!.NextAttemptAt);

        Clock.SetTo(expectedSecondRetry);
        await Queue.DeliverDueAsync(default);
        status = Queue.Find("3", 5)!;
        Assert.Equal(WebhookDeliveryState.Delivered, status.State);
        Assert.Equal([503, 503, 200], status.Attempts.Select(a => a.StatusCode));
        Assert.Equal([Start, expectedFirstRetry, expectedSecondRetry], status.Attempts.Select(a => a.At));
    }

    [Fact]
    public async Task Retries_run_when_the_clock_is_moved_through_the_pulse()
    {
        Queue.Enqueue(Http(6, "fail"));
        await Queue.DeliverDueAsync(default);
        Clock.Advance(TimeSpan.FromMinutes(1));
        await _services.GetRequiredService<ClockPulse>().PulseAsync(default);
        Assert.Equal(2, Queue.Find("3", 6)!.Attempts.Count);
    }

    [Fact]
    public async Task Twenty_failed_retries_exhaust_the_webhook_and_the_observer_hears_it()
    {
        Queue.Enqueue(Http(7, "fail"));
        await Queue.DeliverDueAsync(default);
        for (var retry = 0; retry < 20; retry++)
        {
            Clock.SetTo(Queue.Find("3", 7)!.NextAttemptAt!.Value);
            Assert.Equal(1, await Queue.DeliverDueAsync(default));
        }

        var status = Queue.Find("3", 7)!;
        Assert.Equal((WebhookDeliveryState.Exhausted, 20, 21), (status.State, status.RetryCount, status.Attempts.Count));
        Assert.Null(status.NextAttemptAt);
        Assert.All(status.Attempts, attempt => Assert.Equal((500, "boom"), (attempt.StatusCode!.Value, attempt.ResponseBody!)));
        Clock.Advance(TimeSpan.FromDays(365));
        Assert.Equal(0, await Queue.DeliverDueAsync(default));
        Assert.Equal(21, _receiver.Received.Count);
        Assert.Equal(WebhookDeliveryState.Exhausted, _observer.Seen.Last().State);
        Assert.Equal(21, _observer.Seen.Count);

        // The reference's bounds: retry k waits k^4 + 15 plus up to 29 * (k + 1) seconds.
        var gaps = status.Attempts.Zip(status.Attempts.Skip(1), (a, b) => (b.At - a.At).TotalSeconds).ToList();
        for (var k = 0; k < gaps.Count; k++)
        {
            Assert.InRange(gaps[k], Math.Pow(k, 4) + 15, Math.Pow(k, 4) + 15 + (29 * (k + 1)));
        }
    }

    [Fact]
    public async Task A_refused_connection_is_a_failed_attempt_with_the_reason()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        Queue.Enqueue(Http(8, "ok") with { Url = new Uri("http://127.0.0.1:" + port + "/hook") });
        await Queue.DeliverDueAsync(default);
        var attempt = Queue.Find("3", 8)!.LastAttempt!;
        Assert.Null(attempt.StatusCode);
        Assert.StartsWith("Connection failed", attempt.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_slow_target_times_out_and_is_retried()
    {
        await using var impatient = BuildServices(TimeSpan.FromMilliseconds(300));
        var queue = impatient.GetRequiredService<WebhookDeliveryQueue>();
        queue.Enqueue(Http(9, "slow"));
        await queue.DeliverDueAsync(default);
        var status = queue.Find("3", 9)!;
        Assert.Equal(WebhookDeliveryState.Retrying, status.State);
        Assert.StartsWith("Timed out", status.LastAttempt!.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_email_webhook_is_recorded_and_not_sent()
    {
        var status = Queue.Enqueue(new WebhookDelivery
        {
            MerchantId = "3", WebhookId = 10, Trigger = "payment_success", Channel = WebhookChannel.Email,
            Email = "myname@domain.com", Body = "<p>Thanks</p>",
        });
        Assert.Equal(WebhookDeliveryState.Recorded, status.State);
        Assert.Equal(Start, Assert.Single(status.Attempts).At);
        Assert.Equal(0, await Queue.DeliverDueAsync(default));
        Assert.Empty(_receiver.Received);
    }

    [Fact]
    public void Deliveries_are_listed_per_merchant_and_ids_are_not_reused()
    {
        Queue.Enqueue(Http(12, "ok"));
        Queue.Enqueue(Http(11, "ok"));
        Queue.Enqueue(Http(11, "ok") with { MerchantId = "4" });
        Assert.Equal([11L, 12L], Queue.List("3").Select(s => s.WebhookId));
        Assert.Single(Queue.List("4"));
        Assert.Null(Queue.Find("5", 11));
        Assert.Throws<InvalidOperationException>(() => Queue.Enqueue(Http(11, "ok")));
    }

    [Theory]
    [InlineData("ftp://127.0.0.1/hook", "POST", "absolute http or https URL")]
    [InlineData("file:///etc/passwd", "POST", "absolute http or https URL")]
    [InlineData("http://127.0.0.1/hook", "TRACE", "post, get, put, patch or delete")]
    public void Deliveries_other_than_http_to_the_configured_url_are_refused(string url, string method, string reason)
    {
        var error = Assert.Throws<ArgumentException>(() => Queue.Enqueue(Http(13, "ok", method) with { Url = new Uri(url) }));
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.Null(Queue.Find("3", 13));
    }

    [Fact]
    public void A_delivery_without_a_url_is_refused()
    {
        Assert.Throws<ArgumentException>(() => Queue.Enqueue(Http(14, "ok") with { Url = null }));
        Assert.Throws<ArgumentException>(() => Queue.Enqueue(Http(14, "ok") with { MerchantId = string.Empty }));
    }

    private sealed class RecordingObserver : IWebhookDeliveryObserver
    {
        private readonly List<WebhookDeliveryStatus> _seen = [];

        public IReadOnlyList<WebhookDeliveryStatus> Seen
        {
            get
            {
                lock (_seen)
                {
                    return [.. _seen];
                }
            }
        }

        public Task OnAttemptRecordedAsync(WebhookDelivery delivery, WebhookDeliveryStatus status, CancellationToken cancellationToken)
        {
            lock (_seen)
            {
                _seen.Add(status);
            }

            return Task.CompletedTask;
        }
    }
}
