using System.Text.Json;
using NordeaConnect.Grains.Tests.Infrastructure;
using NordeaConnect.Primitives;

namespace NordeaConnect.Grains.Tests.Reconciliation;

public sealed class TransactionReconciliationTests
{
    private static JournalEntry Refund(string key, string amount, string reason, params long[] known) => new()
    {
        Key = key,
        Operation = OperationNames.Refund,
        Fingerprint = "f",
        Status = JournalStatus.Unknown,
        StartedAt = DateTimeOffset.UnixEpoch,
        Details = new OperationDetails { Amount = Amount.Parse(amount), Reason = reason, KnownEntityIds = [.. known] },
    };

    [Fact]
    public void A_capture_is_done_when_the_transaction_is_approved_now()
    {
        var entry = Refund("k", "10.00", "x") with { Operation = OperationNames.Capture, Details = new OperationDetails { Amount = Amount.Parse("10.00"), StatusBefore = "authorized" } };

        var verdict = TransactionReconciliation.Capture(entry, Snapshots.Transaction("approved", "10.00"));

        Assert.Equal(JournalStatus.Done, verdict.Status);
        Assert.Equal(ResultCode.Success, verdict.Outcome.Code);
        Assert.Contains("was authorized at intent and is approved now", verdict.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void A_capture_is_not_done_when_the_transaction_is_still_authorized()
    {
        var entry = Refund("k", "10.00", "x") with { Operation = OperationNames.Capture, Details = new OperationDetails { Amount = Amount.Parse("10.00"), StatusBefore = "authorized" } };

        var verdict = TransactionReconciliation.Capture(entry, Snapshots.Transaction("authorized", "10.00"));

        Assert.Equal(JournalStatus.NotDone, verdict.Status);
        Assert.Contains("not carried out", verdict.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void A_refund_is_done_when_a_new_refund_with_its_amount_and_reason_appeared()
    {
        var now = Snapshots.Transaction("approved", "100.00", Snapshots.Refund(1, "5.00", "dup"), Snapshots.Refund(2, "5.00", "dup"));

        var verdict = TransactionReconciliation.Refund(Refund("k", "5.00", "dup", 1), now, OperationJournal.Empty);

        Assert.Equal(JournalStatus.Done, verdict.Status);
        Assert.Equal(2, verdict.Outcome.EntityId);
        Assert.Contains("refund 2", verdict.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void An_equal_refund_known_at_intent_is_not_mistaken_for_the_one_in_doubt()
    {
        var now = Snapshots.Transaction("approved", "100.00", Snapshots.Refund(1, "5.00", "dup"));

        var verdict = TransactionReconciliation.Refund(Refund("k", "5.00", "dup", 1), now, OperationJournal.Empty);

        Assert.Equal(JournalStatus.NotDone, verdict.Status);
        Assert.Contains("1 were known at intent", verdict.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void A_refund_another_journal_entry_accounts_for_is_not_claimed_twice()
    {
        var now = Snapshots.Transaction("approved", "100.00", Snapshots.Refund(7, "5.00", "dup"));
        var journal = OperationJournal.Empty.Begin(new JournalEntry
        {
            Key = "earlier",
            Operation = OperationNames.Refund,
            Fingerprint = "f",
            Status = JournalStatus.Done,
            StartedAt = DateTimeOffset.UnixEpoch,
            Outcome = new JournalOutcome { Code = ResultCode.Success, Description = "ok", EntityId = 7 },
        });

        var verdict = TransactionReconciliation.Refund(Refund("k", "5.00", "dup"), now, journal);

        Assert.Equal(JournalStatus.NotDone, verdict.Status);
    }

    [Theory]
    [InlineData("5.01", "dup")]
    [InlineData("5.00", "Dup")]
    public void A_new_refund_with_another_amount_or_reason_is_not_this_one(string amount, string reason)
    {
        var now = Snapshots.Transaction("approved", "100.00", Snapshots.Refund(2, amount, reason));

        Assert.Equal(JournalStatus.NotDone, TransactionReconciliation.Refund(Refund("k", "5.00", "dup"), now, OperationJournal.Empty).Status);
    }

    [Fact]
    public void Several_new_equal_refunds_take_the_oldest_and_say_so()
    {
        var now = Snapshots.Transaction("approved", "100.00", Snapshots.Refund(9, "5.00", "dup"), Snapshots.Refund(4, "5.00", "dup"));

        var verdict = TransactionReconciliation.Refund(Refund("k", "5.00", "dup"), now, OperationJournal.Empty);

        Assert.Equal(4, verdict.Outcome.EntityId);
        Assert.Contains("2 such refunds are new", verdict.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void A_metadata_update_is_done_when_upstream_holds_the_merged_metadata()
    {
        var expected = JsonDocument.Parse("""{"a":{"b":1}}""").RootElement;
        var entry = Refund("k", "1.00", "x") with { Operation = OperationNames.UpdateTransaction, Details = new OperationDetails { Metadata = expected } };

        Assert.Equal(JournalStatus.Done, TransactionReconciliation.Update(entry, Snapshots.Transaction("approved", "1.00") with { Metadata = JsonDocument.Parse("""{ "a": {"b": 1} }""").RootElement }).Status);
        Assert.Equal(JournalStatus.NotDone, TransactionReconciliation.Update(entry, Snapshots.Transaction("approved", "1.00")).Status);
    }

    [Fact]
    public void A_refund_upstream_booked_as_failed_is_reported_as_declined()
    {
        var outcome = TransactionReconciliation.RefundOutcome(Snapshots.Refund(3, "5.00", status: "failed"), test: true);

        Assert.Equal(ResultCode.UpstreamDeclined, outcome.Code);
        Assert.Equal(3, outcome.EntityId);
        Assert.Equal(ResultCode.TestModeSuccess, TransactionReconciliation.RefundOutcome(Snapshots.Refund(4, "5.00"), test: true).Code);
    }
}
