using System.Globalization;
using System.Text.Json;
using NordeaConnect.Primitives;

namespace NordeaConnect.Grains;

/// <summary>
/// Decides, from the transaction as upstream shows it now, whether a journaled operation whose outcome was unknown
/// was carried out. Each verdict says why, in words that go into the journal.
/// </summary>
internal static class TransactionReconciliation
{
    public static ReconciliationVerdict Capture(JournalEntry entry, TransactionSnapshot now)
    {
        var amount = entry.Details.Amount ?? Amount.Zero;
        var before = entry.Details.StatusBefore ?? "unknown";
        if (now.State == TransactionState.Approved)
        {
            return ReconciliationVerdict.Done(
                new JournalOutcome
                {
                    Code = OperationResults.SuccessCode(now.Test),
                    Description = Invariant($"Captured {amount} of transaction {now.Id}; it is {now.Status}."),
                },
                Invariant($"transaction {now.Id} was {before} at intent and is {now.Status} now with amount {now.Amount}, so the capture of {amount} was carried out."));
        }

        return ReconciliationVerdict.NotDone(
            Invariant($"transaction {now.Id} was {before} at intent and is {now.Status} now, so the capture of {amount} was not carried out."));
    }

    /// <summary>
    /// A refund was carried out if upstream lists one with the same amount and reason that was not there at intent
    /// time and that no other journal entry accounts for. Equal refunds made earlier are told apart by their ids.
    /// </summary>
    public static ReconciliationVerdict Refund(JournalEntry entry, TransactionSnapshot now, OperationJournal journal)
    {
        var amount = entry.Details.Amount ?? Amount.Zero;
        var reason = entry.Details.Reason;
        var known = entry.Details.KnownEntityIds.ToHashSet();
        var claimed = journal.Entries
            .Where(other => other.Operation == OperationNames.Refund && other.Key != entry.Key && other.Status == JournalStatus.Done && other.Outcome?.EntityId is not null)
            .Select(other => other.Outcome!.EntityId!.Value)
            .ToHashSet();
        var candidates = now.Refunds
            .Where(refund => !known.Contains(refund.Id) && !claimed.Contains(refund.Id) && refund.Amount == amount && string.Equals(refund.Reason, reason, StringComparison.Ordinal))
            .OrderBy(refund => refund.Id)
            .ToList();
        var context = Invariant($"upstream lists {now.Refunds.Count} refund(s) on transaction {now.Id}; {known.Count} were known at intent and {claimed.Count} belong to other journal entries");
        if (candidates.Count == 0)
        {
            return ReconciliationVerdict.NotDone(Invariant($"{context}; none of the others is a refund of {amount} with reason '{reason}', so the refund was not carried out."));
        }

        var found = candidates[0];
        var ambiguity = candidates.Count == 1
            ? string.Empty
            : Invariant($" ({candidates.Count} such refunds are new, possibly made outside this service; the oldest is taken as this one)");
        return ReconciliationVerdict.Done(
            RefundOutcome(found, now.Test),
            Invariant($"{context}; refund {found.Id} of {amount} with reason '{reason}' is new since the intent, so the refund was carried out{ambiguity}."));
    }

    public static ReconciliationVerdict Update(JournalEntry entry, TransactionSnapshot now)
    {
        var done = new JournalOutcome { Code = OperationResults.SuccessCode(now.Test), Description = "Transaction updated; it is " + now.Status + "." };
        if (entry.Details.Metadata is { } expected)
        {
            return now.Metadata is { } actual && JsonElement.DeepEquals(actual, expected)
                ? ReconciliationVerdict.Done(done, "the transaction's metadata upstream equals what the update set, so it was carried out.")
                : ReconciliationVerdict.NotDone("the transaction's metadata upstream differs from what the update set, so it was not carried out.");
        }

        return !string.Equals(entry.Details.StatusBefore, now.Status, StringComparison.OrdinalIgnoreCase)
            ? ReconciliationVerdict.Done(done, Invariant($"the transaction went from {entry.Details.StatusBefore} to {now.Status}, so the update was carried out."))
            : ReconciliationVerdict.NotDone(Invariant($"the transaction is still {now.Status}, so the update was not carried out."));
    }

    /// <summary>A refund upstream booked as failed was carried out as a call but moved no money; the code says so.</summary>
    public static JournalOutcome RefundOutcome(RefundSnapshot refund, bool test) => new()
    {
        Code = refund.Counts ? OperationResults.SuccessCode(test) : ResultCode.UpstreamDeclined,
        Description = refund.Counts
            ? Invariant($"Refund {refund.Id} of {refund.Amount} on transaction {refund.TransactionId}.")
            : Invariant($"Refund {refund.Id} of {refund.Amount} on transaction {refund.TransactionId} failed upstream."),
        EntityId = refund.Id,
    };

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
