using System.Net;
using System.Text;
using NordeaConnect.Primitives;

namespace NordeaConnect.Client.Tests.Sandbox;

/// <summary>
/// The sandbox's fault injection (<c>/_sandbox/faults</c>) shows which calls the client retries and which it
/// reports as an unknown outcome, and that an unknown outcome is reconciled by reading back.
/// </summary>
public sealed class FaultInjectionSandboxTests : SandboxTest
{
    private async Task InjectAsync(string rule)
    {
        using var http = Sandbox.CreateClient();
        using var response = await http.PostAsync("_sandbox/faults", new StringContent(rule, Encoding.UTF8, "application/json"));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Reads_are_retried_through_5xx_and_dropped_connections()
    {
        var payment = await PayAsync("10.00");
        await InjectAsync("""{"method":"GET","path":"/v1/transactions/*","fault":"status","status":503,"count":1}""");
        await InjectAsync("""{"method":"GET","path":"/v1/transactions/*","fault":"drop","count":1}""");

        var shown = await Client.Transactions.GetAsync(payment.Id);

        Assert.Equal(payment.Id, shown.Id);
        Assert.Equal(2, Logs.Lines.Count(line => line.Contains(": retry ", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_refund_whose_answer_is_lost_is_reported_unknown_and_reconciled_by_reading_back()
    {
        var payment = await PayAsync("100.00");
        await InjectAsync("""{"method":"POST","path":"/v1/refunds","fault":"apply_then_drop","count":1}""");

        var unknown = await Assert.ThrowsAsync<NordeaConnectOutcomeUnknownException>(() =>
            Client.Refunds.CreateAsync(new RefundCreateOptions { TransactionId = payment.Id, Amount = Amount.Parse("25.00"), Reason = "lost answer" }));
        var afterwards = await Client.Transactions.GetAsync(payment.Id);

        Assert.Equal(ResultCode.OutcomeUnknown, unknown.ResultCode);
        var refund = Assert.Single(afterwards.Refunds);
        Assert.Equal(Amount.Parse("25.00"), refund.Amount);
    }

    [Fact]
    public async Task A_payment_answered_with_5xx_is_unknown_and_sent_only_once()
    {
        await InjectAsync("""{"method":"POST","path":"/v1/transactions","fault":"status","status":502}""");

        var unknown = await Assert.ThrowsAsync<NordeaConnectOutcomeUnknownException>(() => PayAsync("10.00"));

        Assert.Equal(HttpStatusCode.BadGateway, unknown.StatusCode);
        Assert.DoesNotContain(Logs.Lines, line => line.Contains(": retry ", StringComparison.Ordinal));
        using var http = Sandbox.CreateClient();
        var rules = await http.GetStringAsync("_sandbox/faults");
        Assert.Contains("\"applied\":1", rules.Replace(" ", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_payment_that_hangs_past_the_attempt_timeout_is_unknown_while_a_read_that_hangs_once_is_retried()
    {
        using var impatient = CreateClient(options => options.AttemptTimeout = TimeSpan.FromSeconds(1));
        await InjectAsync("""{"method":"POST","path":"/v1/transactions","fault":"apply_then_hang","hang_ms":5000,"count":1}""");

        var unknown = await Assert.ThrowsAsync<NordeaConnectOutcomeUnknownException>(() => impatient.Transactions.CreateAsync(CardPayment(PaymentRef.Parse("hang-1"), "12.00")));
        var reconciled = await impatient.Transactions.ListAsync(new TransactionListOptions().Where(ListFilter.Equal("payment_ref", "hang-1")));

        await InjectAsync("""{"method":"GET","path":"/v1/transactions/*","fault":"hang","hang_ms":5000,"count":1}""");
        var read = await impatient.Transactions.GetAsync(Assert.Single(reconciled.Items).Id);

        Assert.Null(unknown.StatusCode);
        Assert.Equal("hang-1", read.PaymentRef);
    }

    [Fact]
    public async Task A_status_change_marked_safe_is_retried_like_a_read()
    {
        var customer = await Client.Customers.CreateAsync(new CustomerCreateOptions { Ref = "cust-safe" });
        await InjectAsync("""{"method":"PUT","path":"/v1/customers/*","fault":"drop","count":1}""");

        var updated = await Client.Customers.UpdateAsync(customer.Id, new CustomerUpdateOptions { Metadata = new() { ["tier"] = "gold" } }, new RequestOptions { RetrySafe = true });

        Assert.Equal("gold", updated.Metadata!.Value.GetProperty("tier").GetString());
    }

    private async Task<int> AppliedAsync()
    {
        using var http = Sandbox.CreateClient();
        var rules = (await http.GetStringAsync("_sandbox/faults")).Replace(" ", string.Empty, StringComparison.Ordinal);
        return System.Text.RegularExpressions.Regex.Matches(rules, "\"applied\":(\\d+)").Sum(match => int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task A_capture_whose_connection_drops_is_unknown_sent_once_and_reconciled_by_reading_back()
    {
        var authorized = await PayAsync("60.00", authorize: true);
        await InjectAsync("""{"method":"PUT","path":"/v1/transactions/*/capture","fault":"apply_then_drop","count":1}""");

        var unknown = await Assert.ThrowsAsync<NordeaConnectOutcomeUnknownException>(() =>
            Client.Transactions.CaptureAsync(authorized.Id, new TransactionCaptureOptions { Amount = Amount.Parse("60.00") }));
        var afterwards = await Client.Transactions.GetAsync(authorized.Id);

        Assert.Null(unknown.StatusCode);
        Assert.Equal(1, await AppliedAsync());
        Assert.DoesNotContain(Logs.Lines, line => line.Contains(": retry ", StringComparison.Ordinal));
        Assert.NotEqual(authorized.Status, afterwards.Status);
    }

    [Fact]
    public async Task A_read_is_retried_through_a_5xx_a_drop_and_a_hang_in_one_call()
    {
        using var impatient = CreateClient(options =>
        {
            options.AttemptTimeout = TimeSpan.FromSeconds(1);
            options.MaxRetryAttempts = 3;
        });
        var payment = await PayAsync("15.00");
        await InjectAsync("""{"method":"GET","path":"/v1/transactions/*","fault":"status","status":500,"count":1}""");
        await InjectAsync("""{"method":"GET","path":"/v1/transactions/*","fault":"drop","count":1}""");
        await InjectAsync("""{"method":"GET","path":"/v1/transactions/*","fault":"hang","hang_ms":5000,"count":1}""");

        var shown = await impatient.Transactions.GetAsync(payment.Id);

        Assert.Equal(payment.Id, shown.Id);
        Assert.Equal(3, await AppliedAsync());
        Assert.Equal(3, Logs.Lines.Count(line => line.Contains(": retry ", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_read_that_keeps_failing_gives_up_after_the_retries_as_a_failure_not_an_unknown_outcome()
    {
        var payment = await PayAsync("20.00");
        await InjectAsync("""{"method":"GET","path":"/v1/transactions/*","fault":"status","status":503}""");

        var error = await Assert.ThrowsAsync<NordeaConnectException>(() => Client.Transactions.GetAsync(payment.Id));

        Assert.IsNotType<NordeaConnectOutcomeUnknownException>(error);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
        Assert.Equal(3, await AppliedAsync());
    }

    [Fact]
    public async Task No_log_line_or_exception_of_a_faulted_payment_holds_card_data_or_credentials()
    {
        await InjectAsync("""{"method":"POST","path":"/v1/transactions","fault":"status","status":502,"count":1}""");
        await InjectAsync("""{"method":"POST","path":"/v1/transactions","fault":"apply_then_drop","count":1}""");
        var failures = new List<Exception>
        {
            await Assert.ThrowsAsync<NordeaConnectOutcomeUnknownException>(() => PayAsync("30.00")),
            await Assert.ThrowsAsync<NordeaConnectOutcomeUnknownException>(() => PayAsync("31.00")),
        };
        using var wrong = CreateClient(options => options.HashSecret = "Wr0ng-H4sh-S3cret");
        failures.Add(await Assert.ThrowsAsync<NordeaConnectException>(() => wrong.Transactions.CreateAsync(CardPayment(NextPaymentRef(), "32.00"))));

        var texts = Logs.Lines.Concat(failures.Select(failure => failure.ToString())).ToList();
        Assert.NotEmpty(Logs.Lines);
        // The sandbox merchant's own secret is the plain word "secret", which error descriptions use as a word; the
        // client under test gets a distinctive one instead.
        foreach (var secret in new[] { VisaCard, "card_cvv", "card_expiry=1230", Sandbox.Merchant.Password, "Wr0ng-H4sh-S3cret", "Basic " })
        {
            Assert.All(texts, text => Assert.DoesNotContain(secret, text, StringComparison.Ordinal));
        }

        Assert.All(failures, failure => Assert.IsNotType<Refit.ApiException>(failure.InnerException));
    }
}
