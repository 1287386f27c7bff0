namespace NordeaConnect.Grains;

/// <summary>What reading upstream showed about an operation whose outcome was unknown: Done or NotDone, and why.</summary>
internal sealed record ReconciliationVerdict(JournalStatus Status, JournalOutcome Outcome, string Explanation)
{
    public static ReconciliationVerdict Done(JournalOutcome outcome, string explanation) => new(JournalStatus.Done, outcome, explanation);

    public static ReconciliationVerdict NotDone(string explanation) => new(
        JournalStatus.NotDone,
        new JournalOutcome
        {
            Code = Primitives.ResultCode.UpstreamUnavailable,
            Description = "The upstream call failed and reconciliation found it was not carried out; it may be retried with the same idempotency key.",
        },
        explanation);
}
