using System.Text.Json;

namespace NordeaConnect.Grains;

/// <summary>Decides, from the subscription as upstream shows it now, whether a journaled change was carried out.</summary>
internal static class SubscriptionReconciliation
{
    /// <summary>
    /// The debt PUT set an absolute value: equal to the target means done, equal to the value read before means not
    /// done. Anything else means someone else (the billing engine charging the debt, another system) changed it since;
    /// the entry is then taken as done, because adding the delta again could charge the customer twice.
    /// </summary>
    public static ReconciliationVerdict AddDebt(JournalEntry entry, SubscriptionSnapshot now)
    {
        var before = entry.Details.DebtBefore ?? 0m;
        var target = entry.Details.DebtTarget ?? 0m;
        var done = DebtOutcome(now, before, target);
        if (now.Debt == target)
        {
            return ReconciliationVerdict.Done(done, "the debt upstream is " + SubscriptionDebt.Format(now.Debt) + ", the value the PUT set, so it was carried out.");
        }

        if (now.Debt == before)
        {
            return ReconciliationVerdict.NotDone("the debt upstream is still " + SubscriptionDebt.Format(before) + ", the value read before the PUT, so it was not carried out.");
        }

        return ReconciliationVerdict.Done(
            done,
            "the debt upstream is " + SubscriptionDebt.Format(now.Debt) + ", neither the " + SubscriptionDebt.Format(before) + " read before nor the "
            + SubscriptionDebt.Format(target) + " the PUT set: something else changed it since. Taken as carried out rather than risk adding it twice; check the subscription's charges.");
    }

    public static ReconciliationVerdict Update(JournalEntry entry, SubscriptionSnapshot now)
    {
        var details = entry.Details;
        var mismatches = new List<string>();
        if (details.PlanId is { } plan && now.PlanId != plan)
        {
            mismatches.Add("plan");
        }

        if (details.TargetStatus is { } status && !string.Equals(now.Status, status, StringComparison.OrdinalIgnoreCase))
        {
            mismatches.Add("status");
        }

        if (details.Quantity is { } quantity && now.Quantity != quantity)
        {
            mismatches.Add("quantity");
        }

        if (details.StoredCardId is { } card && now.StoredCardId != card)
        {
            mismatches.Add("stored card");
        }

        if (details.Metadata is { } metadata && !(now.Metadata is { } actual && JsonElement.DeepEquals(actual, metadata)))
        {
            mismatches.Add("metadata");
        }

        return mismatches.Count == 0
            ? ReconciliationVerdict.Done(
                new JournalOutcome { Code = Primitives.ResultCode.Success, Description = "Subscription updated; it is " + now.Status + "." },
                "every field the update set has that value upstream, so it was carried out.")
            : ReconciliationVerdict.NotDone("upstream differs from what the update set in: " + string.Join(", ", mismatches) + "; so it was not carried out.");
    }

    public static JournalOutcome DebtOutcome(SubscriptionSnapshot now, decimal before, decimal target) => new()
    {
        Code = Primitives.ResultCode.Success,
        Description = "Debt of subscription " + now.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) + " changed from "
            + SubscriptionDebt.Format(before) + " to " + SubscriptionDebt.Format(target) + ".",
    };
}
