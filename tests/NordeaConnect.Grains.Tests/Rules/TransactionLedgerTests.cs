using NordeaConnect.Grains.Tests.Infrastructure;
using NordeaConnect.Primitives;

namespace NordeaConnect.Grains.Tests.Rules;

public sealed class TransactionLedgerTests
{
    [Fact]
    public void Authorized_transaction_can_be_captured_up_to_the_authorized_amount()
    {
        var ledger = TransactionLedger.From(Snapshots.Transaction("authorized", "100.00"));

        Assert.Equal(Amount.Parse("100.00"), ledger.Authorized);
        Assert.Equal(Amount.Zero, ledger.Captured);
        Assert.Null(ledger.CheckCapture(Amount.Parse("100.00")));
        Assert.Null(ledger.CheckCapture(Amount.Parse("0.01")));
    }

    [Fact]
    public void Capture_beyond_the_authorized_amount_is_refused()
    {
        var refusal = TransactionLedger.From(Snapshots.Transaction("authorized", "100.00")).CheckCapture(Amount.Parse("100.01"));

        Assert.Equal(ResultCode.CaptureExceedsAuthorized, refusal?.Code);
        Assert.Contains("100.01", refusal!.Description, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("approved")]
    [InlineData("pending")]
    [InlineData("failed")]
    [InlineData("something-new")]
    public void Only_an_authorized_transaction_can_be_captured(string status)
    {
        var refusal = TransactionLedger.From(Snapshots.Transaction(status, "100.00")).CheckCapture(Amount.Parse("1.00"));

        Assert.Equal(ResultCode.CaptureNotAuthorized, refusal?.Code);
    }

    [Fact]
    public void Zero_capture_and_zero_refund_are_invalid_amounts()
    {
        Assert.Equal(ResultCode.InvalidAmount, TransactionLedger.From(Snapshots.Transaction("authorized", "1.00")).CheckCapture(Amount.Zero)?.Code);
        Assert.Equal(ResultCode.InvalidAmount, TransactionLedger.From(Snapshots.Transaction("approved", "1.00")).CheckRefund(Amount.Zero)?.Code);
    }

    [Fact]
    public void Refundable_is_captured_less_refunds_that_count()
    {
        var ledger = TransactionLedger.From(Snapshots.Transaction(
            "approved",
            "100.00",
            Snapshots.Refund(1, "30.00"),
            Snapshots.Refund(2, "20.00", status: "failed"),
            Snapshots.Refund(3, "10.00", status: null)));

        Assert.Equal(Amount.Parse("40.00"), ledger.Refunded);
        Assert.Equal(Amount.Parse("60.00"), ledger.Refundable);
        Assert.Equal(2, ledger.RefundCount);
        Assert.Null(ledger.CheckRefund(Amount.Parse("60.00")));
        Assert.Equal(ResultCode.RefundExceedsAvailable, ledger.CheckRefund(Amount.Parse("60.01"))?.Code);
    }

    [Fact]
    public void A_fully_refunded_transaction_refuses_even_one_cent()
    {
        var ledger = TransactionLedger.From(Snapshots.Transaction("approved", "5.00", Snapshots.Refund(1, "5.00")));

        Assert.Equal(Amount.Zero, ledger.Refundable);
        Assert.Equal(ResultCode.RefundExceedsAvailable, ledger.CheckRefund(Amount.Parse("0.01"))?.Code);
    }

    [Fact]
    public void Refunds_in_doubt_are_reserved()
    {
        var ledger = TransactionLedger.From(Snapshots.Transaction("approved", "100.00", Snapshots.Refund(1, "50.00")), Amount.Parse("30.00"), 1);

        Assert.Equal(Amount.Parse("20.00"), ledger.Refundable);
        var refusal = ledger.CheckRefund(Amount.Parse("20.01"));
        Assert.Equal(ResultCode.RefundExceedsAvailable, refusal?.Code);
        Assert.Contains("reconciled", refusal!.Description, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("authorized")]
    [InlineData("pending")]
    [InlineData("failed")]
    public void Only_an_approved_transaction_can_be_refunded(string status)
    {
        var refusal = TransactionLedger.From(Snapshots.Transaction(status, "100.00")).CheckRefund(Amount.Parse("1.00"));

        Assert.Equal(ResultCode.RefundNotAllowed, refusal?.Code);
    }

    [Fact]
    public void E_payment_allows_one_refund_partial_or_whole()
    {
        var epayment = Snapshots.Transaction("approved", "100.00") with { TransactionType = "bank" };
        Assert.Null(TransactionLedger.From(epayment).CheckRefund(Amount.Parse("10.00")));

        var refunded = epayment with { Refunds = [Snapshots.Refund(1, "10.00")] };
        var refusal = TransactionLedger.From(refunded).CheckRefund(Amount.Parse("10.00"));
        Assert.Equal(ResultCode.RefundNotAllowed, refusal?.Code);
        Assert.Contains("one refund", refusal!.Description, StringComparison.Ordinal);

        // A refund in doubt counts as the one refund too.
        Assert.Equal(ResultCode.RefundNotAllowed, TransactionLedger.From(epayment, Amount.Parse("10.00"), 1).CheckRefund(Amount.Parse("1.00"))?.Code);
    }

    [Fact]
    public void A_failed_refund_does_not_use_up_an_e_payments_one_refund()
    {
        var epayment = Snapshots.Transaction("approved", "100.00", Snapshots.Refund(1, "10.00", status: "failed")) with { TransactionType = "bank" };

        Assert.Null(TransactionLedger.From(epayment).CheckRefund(Amount.Parse("10.00")));
    }

    [Fact]
    public void AfterPay_is_refunded_per_item_not_through_the_api()
    {
        var afterPay = Snapshots.Transaction("approved", "100.00") with { TransactionType = "after_pay" };

        Assert.Equal(ResultCode.RefundNotAllowed, TransactionLedger.From(afterPay).CheckRefund(Amount.Parse("1.00"))?.Code);
    }

    [Theory]
    [InlineData("pending", true)]
    [InlineData("authorized", true)]
    [InlineData("failed", true)]
    [InlineData("approved", false)]
    [InlineData("complete", false)]
    public void Card_details_are_accepted_only_while_not_approved(string status, bool accepted)
    {
        var refusal = TransactionLedger.From(Snapshots.Transaction(status, "10.00")).CheckCardDetails();

        Assert.Equal(accepted, refusal is null);
        if (!accepted)
        {
            Assert.Equal(ResultCode.CardDetailsLocked, refusal!.Code);
        }
    }

    [Theory]
    [InlineData("approved", TransactionState.Approved)]
    [InlineData("APPROVED", TransactionState.Approved)]
    [InlineData("complete", TransactionState.Approved)]
    [InlineData("authorized", TransactionState.Authorized)]
    [InlineData("pending", TransactionState.Pending)]
    [InlineData("failed", TransactionState.Failed)]
    [InlineData("", TransactionState.Unrecognized)]
    [InlineData(null, TransactionState.Unrecognized)]
    public void Upstream_status_text_maps_to_a_state(string? status, TransactionState expected) =>
        Assert.Equal(expected, TransactionStates.FromUpstream(status));
}
