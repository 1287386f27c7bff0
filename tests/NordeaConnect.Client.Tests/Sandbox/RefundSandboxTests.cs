using NordeaConnect.Primitives;

namespace NordeaConnect.Client.Tests.Sandbox;

public sealed class RefundSandboxTests : SandboxTest
{
    [Fact]
    public async Task A_partial_refund_is_created_shown_and_extended_with_its_transaction()
    {
        var payment = await PayAsync("100.00");

        var refund = await Client.Refunds.CreateAsync(new RefundCreateOptions { TransactionId = payment.Id, Amount = Amount.Parse("40.00"), Reason = "Cancelled order" });
        var shown = await Client.Refunds.GetAsync(refund.Id, GetOptions.Extending("transaction"));
        var transaction = await Client.Transactions.GetAsync(payment.Id);

        Assert.Equal(Amount.Parse("40.00"), refund.Amount);
        Assert.Equal(payment.Id, refund.TransactionId);
        Assert.Equal("Cancelled order", shown.Reason);
        Assert.Equal(Amount.Parse("100.00"), shown.Transaction!.Amount);
        Assert.Contains(transaction.Refunds, r => r.Id == refund.Id);
    }

    [Fact]
    public async Task Refunding_more_than_was_paid_is_refused_and_not_an_unknown_outcome()
    {
        var payment = await PayAsync("10.00");

        var error = await Assert.ThrowsAsync<NordeaConnectException>(() => Client.Refunds.CreateAsync(new RefundCreateOptions { TransactionId = payment.Id, Amount = Amount.Parse("10.01"), Reason = "too much" }));

        Assert.IsNotType<NordeaConnectOutcomeUnknownException>(error);
        Assert.Equal(ResultCodeKind.UpstreamValidation, error.ResultCode.Kind);
        Assert.NotNull(error.UpstreamError?.Description);
    }

    [Fact]
    public async Task Refunds_are_listed_with_reason_wildcards_and_amount_ranges()
    {
        var payment = await PayAsync("500.00");
        foreach (var (amount, reason) in new[] { ("10.00", "return order"), ("20.00", "return damaged"), ("30.00", "goodwill"), ("40.00", "return late") })
        {
            await Client.Refunds.CreateAsync(new RefundCreateOptions { TransactionId = payment.Id, Amount = Amount.Parse(amount), Reason = reason });
        }

        var returns = await AllAsync(Client.Refunds.ListAllAsync(new ListOptions { Limit = 2 }.Where(ListFilter.Wildcard("reason", "return*"))));
        var exact = await Client.Refunds.ListAsync(new ListOptions().Where(ListFilter.Equal("reason", "return order")));
        var middle = await Client.Refunds.ListAsync(new ListOptions { OrderBy = SortOrder.DescendingBy("amount") }.Where(ListFilter.Between("amount", 15L, 35L)));

        Assert.Equal(3, returns.Count);
        Assert.Equal("return order", Assert.Single(exact.Items).Reason);
        Assert.Equal(["30.00", "20.00"], middle.Items.Select(r => r.Amount!.Value.ToString()));
    }
}
