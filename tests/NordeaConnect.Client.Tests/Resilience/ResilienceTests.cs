using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Http;
using NordeaConnect.Client.Tests.Stub;
using NordeaConnect.Primitives;

namespace NordeaConnect.Client.Tests.Resilience;

/// <summary>
/// Which failures are retried and which are reported as an unknown outcome: reads and writes marked safe are
/// retried; a payment or refund that may have reached the upstream is never repeated.
/// </summary>
public sealed class ResilienceTests
{
    private const string Customer = """{"id":5,"ref":"c-5"}""";

    /// <summary>Fails the first <paramref name="failures"/> requests with <paramref name="fail"/>, then answers normally.</summary>
    private static Func<HttpContext, RecordedRequest, Task> FailingFirst(int failures, Func<HttpContext, Task> fail)
    {
        var seen = 0;
        return (context, _) => Interlocked.Increment(ref seen) <= failures ? fail(context) : StubUpstream.Respond(context, Customer);
    }

    private static Task Status503(HttpContext context) => StubUpstream.Respond(context, """{"name":"errors.service_not_available","code":243,"description":"down"}""", 503);

    private static Task Drop(HttpContext context)
    {
        context.Abort();
        return Task.CompletedTask;
    }

    private static Task Hang(HttpContext context) => Task.Delay(TimeSpan.FromSeconds(30), context.RequestAborted);

    [Fact]
    public async Task A_read_is_retried_after_5xx_and_succeeds()
    {
        await using var stub = await StubUpstream.StartAsync(FailingFirst(2, Status503));
        using var client = TestClients.For(stub.BaseAddress);

        var customer = await client.Customers.GetAsync(5);

        Assert.Equal(5, customer.Id);
        Assert.Equal(3, stub.Requests.Count);
        Assert.Single(stub.Requests.Select(request => request.CorrelationId).Distinct());
    }

    [Fact]
    public async Task A_read_that_keeps_failing_reports_the_upstream_unavailable_after_the_retries()
    {
        await using var stub = await StubUpstream.StartAsync((context, _) => Status503(context));
        using var client = TestClients.For(stub.BaseAddress);

        var error = await Assert.ThrowsAsync<NordeaConnectException>(() => client.Customers.GetAsync(5));

        Assert.IsNotType<NordeaConnectOutcomeUnknownException>(error);
        Assert.Equal(UpstreamErrorTable.Get(243).ResultCode, error.ResultCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
        Assert.Equal(3, stub.Requests.Count);
    }

    [Fact]
    public async Task A_payment_answered_with_5xx_is_an_unknown_outcome_and_sent_once()
    {
        await using var stub = await StubUpstream.StartAsync(FailingFirst(1, Status503));
        using var client = TestClients.For(stub.BaseAddress);

        var error = await Assert.ThrowsAsync<NordeaConnectOutcomeUnknownException>(() => client.Refunds.CreateAsync(new RefundCreateOptions { TransactionId = 1, Amount = Amount.Parse("1.00"), Reason = "r" }));

        Assert.Equal(ResultCode.OutcomeUnknown, error.ResultCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
        Assert.Equal(243, error.UpstreamError!.Code);
        Assert.Single(stub.Requests);
    }

    [Fact]
    public async Task A_write_marked_safe_is_retried_like_a_read()
    {
        await using var stub = await StubUpstream.StartAsync(FailingFirst(1, Drop));
        using var client = TestClients.For(stub.BaseAddress);

        var customer = await client.Customers.UpdateAsync(5, new CustomerUpdateOptions { Metadata = [] }, new RequestOptions { RetrySafe = true });

        Assert.Equal(5, customer.Id);
        Assert.Equal(2, stub.Requests.Count);
    }

    [Fact]
    public async Task A_dropped_connection_is_retried_for_a_read_and_unknown_for_a_payment()
    {
        await using var stub = await StubUpstream.StartAsync(FailingFirst(1, Drop));
        using var client = TestClients.For(stub.BaseAddress);

        var read = await client.Customers.GetAsync(5);
        Assert.Equal(2, stub.Requests.Count);

        stub.Answer((context, _) => Drop(context));
        var error = await Assert.ThrowsAsync<NordeaConnectOutcomeUnknownException>(() => client.Transactions.CaptureAsync(7, new TransactionCaptureOptions { Amount = Amount.Parse("1.00") }));

        Assert.Equal(5, read.Id);
        Assert.Null(error.StatusCode);
        Assert.Equal(3, stub.Requests.Count);
    }

    [Fact]
    public async Task A_payment_that_times_out_is_unknown_and_not_retried_while_a_read_is_retried()
    {
        await using var stub = await StubUpstream.StartAsync(FailingFirst(1, Hang));
        using var client = TestClients.For(stub.BaseAddress, options => options.AttemptTimeout = TimeSpan.FromSeconds(1));

        var read = await client.Customers.GetAsync(5);
        Assert.Equal(5, read.Id);
        Assert.Equal(2, stub.Requests.Count);

        stub.Answer((context, _) => Hang(context));
        var error = await Assert.ThrowsAsync<NordeaConnectOutcomeUnknownException>(() => client.Transactions.CreateAsync(new TransactionCreateOptions
        {
            PaymentRef = PaymentRef.Parse("t-1"),
            Amount = Amount.Parse("10.00"),
            Currency = CurrencyCode.Sek,
            CardNumber = "4111111111111111",
            CardCvv = "123",
        }));

        Assert.Equal(3, stub.Requests.Count);
        Assert.Contains("did not answer POST v1/transactions in time", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("4111111111111111", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_total_timeout_bounds_a_read_and_reports_a_timeout()
    {
        await using var stub = await StubUpstream.StartAsync((context, _) => Hang(context));
        using var client = TestClients.For(stub.BaseAddress, options => options.AttemptTimeout = TimeSpan.FromSeconds(5));

        var error = await Assert.ThrowsAsync<NordeaConnectException>(() => client.Customers.GetAsync(5, requestOptions: new RequestOptions { Timeout = TimeSpan.FromMilliseconds(300) }));

        Assert.Equal(ResultCode.UpstreamTimeout, error.ResultCode);
        Assert.Single(stub.Requests);
    }

    [Fact]
    public async Task A_payment_whose_connection_cannot_be_opened_was_never_sent_so_it_is_unavailable_not_unknown()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        using var client = TestClients.For(new Uri($"http://127.0.0.1:{port}/"));

        var error = await Assert.ThrowsAsync<NordeaConnectException>(() => client.Refunds.CreateAsync(new RefundCreateOptions { TransactionId = 1, Amount = Amount.Parse("1.00"), Reason = "r" }));

        Assert.IsNotType<NordeaConnectOutcomeUnknownException>(error);
        Assert.Equal(ResultCode.UpstreamUnavailable, error.ResultCode);
        Assert.Contains("was not sent", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_circuit_opens_after_repeated_failures_and_then_refuses_without_sending()
    {
        await using var stub = await StubUpstream.StartAsync((context, _) => Status503(context));
        using var client = TestClients.For(stub.BaseAddress, options =>
        {
            options.MaxRetryAttempts = 0;
            options.CircuitBreakerMinimumThroughput = 2;
            options.CircuitBreakerFailureRatio = 1.0;
            options.CircuitBreakerBreakDuration = TimeSpan.FromSeconds(30);
        });

        await Assert.ThrowsAsync<NordeaConnectException>(() => client.Customers.GetAsync(1));
        await Assert.ThrowsAsync<NordeaConnectException>(() => client.Customers.GetAsync(1));
        var refused = await Assert.ThrowsAsync<NordeaConnectException>(() => client.Refunds.CreateAsync(new RefundCreateOptions { TransactionId = 1, Amount = Amount.Parse("1.00"), Reason = "r" }));

        Assert.Equal(2, stub.Requests.Count);
        Assert.IsNotType<NordeaConnectOutcomeUnknownException>(refused);
        Assert.Equal(ResultCode.UpstreamUnavailable, refused.ResultCode);
        Assert.Contains("circuit", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refusal_is_not_retried_and_does_not_count_against_the_circuit()
    {
        await using var stub = await StubUpstream.StartAsync("""{"name":"errors.request.bad_format","code":253,"description":"Bad format"}""", 400);
        using var client = TestClients.For(stub.BaseAddress, options =>
        {
            options.CircuitBreakerMinimumThroughput = 2;
            options.CircuitBreakerFailureRatio = 0.5;
        });

        for (var call = 0; call < 4; call++)
        {
            await Assert.ThrowsAsync<NordeaConnectException>(() => client.Customers.GetAsync(1));
        }

        Assert.Equal(4, stub.Requests.Count);
    }

    [Fact]
    public async Task Cancellation_by_the_caller_surfaces_as_cancellation()
    {
        await using var stub = await StubUpstream.StartAsync((context, _) => Hang(context));
        using var client = TestClients.For(stub.BaseAddress);
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.Customers.GetAsync(1, cancellationToken: cancellation.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in client.Customers.ListAllAsync(cancellationToken: cancellation.Token))
            {
            }
        });
    }
}
