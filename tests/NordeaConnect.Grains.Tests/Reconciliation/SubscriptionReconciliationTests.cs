namespace NordeaConnect.Grains.Tests.Reconciliation;

public sealed class SubscriptionReconciliationTests
{
    private static JournalEntry Debt(decimal before, decimal target) => new()
    {
        Key = "k",
        Operation = OperationNames.AddDebt,
        Fingerprint = "f",
        Status = JournalStatus.Unknown,
        StartedAt = DateTimeOffset.UnixEpoch,
        Details = new OperationDetails { DebtBefore = before, DebtTarget = target },
    };

    private static SubscriptionSnapshot Subscription(decimal debt) => new() { Id = 5, Debt = debt, Status = "active", PlanId = 1, Quantity = 2 };

    [Fact]
    public void Debt_at_the_target_is_done_and_debt_still_before_is_not()
    {
        Assert.Equal(JournalStatus.Done, SubscriptionReconciliation.AddDebt(Debt(-1.00m, 0.50m), Subscription(0.50m)).Status);
        Assert.Equal(JournalStatus.NotDone, SubscriptionReconciliation.AddDebt(Debt(-1.00m, 0.50m), Subscription(-1.00m)).Status);
    }

    [Fact]
    public void Debt_changed_by_someone_else_is_taken_as_done_rather_than_added_twice()
    {
        var verdict = SubscriptionReconciliation.AddDebt(Debt(1.00m, 2.00m), Subscription(0m));

        Assert.Equal(JournalStatus.Done, verdict.Status);
        Assert.Contains("rather than risk adding it twice", verdict.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void An_update_is_done_only_when_every_field_it_set_matches()
    {
        var entry = Debt(0, 0) with { Operation = OperationNames.UpdateSubscription, Details = new OperationDetails { TargetStatus = "cancelled", Quantity = 2 } };

        Assert.Equal(JournalStatus.Done, SubscriptionReconciliation.Update(entry, Subscription(0) with { Status = "cancelled" }).Status);
        var notDone = SubscriptionReconciliation.Update(entry, Subscription(0));
        Assert.Equal(JournalStatus.NotDone, notDone.Status);
        Assert.Contains("status", notDone.Explanation, StringComparison.Ordinal);
    }
}
