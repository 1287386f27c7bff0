using System.Globalization;
using NordeaConnect.Primitives;
using NordeaConnect.Sandbox.Clock;
using NordeaConnect.Sandbox.Billing;
using NordeaConnect.Sandbox.Errors;
using NordeaConnect.Sandbox.Hosting;
using NordeaConnect.Sandbox.Http;
using NordeaConnect.Sandbox.Plans;
using NordeaConnect.Sandbox.Store;
using NordeaConnect.Sandbox.StoredCards;
using NordeaConnect.Sandbox.Transactions;

namespace NordeaConnect.Sandbox.Subscriptions;

/// <summary>
/// Starts subscriptions (from the payment window, i.e. the checkout simulation) and applies the reference's update:
/// debt, plan_id, status, subscription_quantity, metadata, stored_card_id and items.
/// </summary>
internal sealed class SubscriptionService(SandboxStore store, SandboxClock time)
{
    private const int MaxQuantity = 10_000;

    /// <summary>Starts a subscription on a plan, its first charge after the plan's trial. Call under the merchant's lock.</summary>
    public static SubscriptionRecord Start(MerchantBook book, PlanRecord plan, CurrencyCode currency, long customerId, long storedCardId, bool test, DateTimeOffset now)
    {
        var terms = TermsToStart(plan, currency);
        var id = book.Ids.NextSubscription();
        var subscription = new SubscriptionRecord
        {
            Id = id,
            CreatedAt = now,
            UpdatedAt = now,
            PlanId = plan.Id,
            CustomerId = customerId,
            StoredCardId = storedCardId,
            Currency = currency,
            Billing = BillingSchedule.Start(book.MerchantId, id, terms, now),
            Test = test,
        };
        book.Subscriptions[id] = subscription;
        return subscription;
    }

    /// <summary>The terms a subscription on <paramref name="plan"/> would start with, or the reason it cannot start.</summary>
    public static BillingTerms TermsToStart(PlanRecord plan, CurrencyCode currency) =>
        plan.Status == PlanService.Active
            ? PlanTerms.For(plan, currency)
            : throw new ApiException(SandboxErrors.ParameterInvalid, "plan_id", "the plan is " + plan.Status);

    public SubscriptionRecord Update(SandboxMerchant merchant, long subscriptionId, RequestFields fields)
    {
        var now = time.GetUtcNow();
        var debt = fields.OptionalSignedDecimal("debt");
        var planId = fields.OptionalInteger("plan_id", 1, long.MaxValue);
        var statusText = fields.OptionalString("status", 16);
        SubscriptionBillingStatus? status = null;
        if (statusText is not null)
        {
            status = SubscriptionBillingStatuses.TryParse(statusText, out var parsed) && parsed != SubscriptionBillingStatus.Completed
                ? parsed
                : throw new ApiException(SandboxErrors.ParameterInvalid, "status", "expected active or cancelled");
        }

        var quantity = fields.OptionalInteger("subscription_quantity", 1, MaxQuantity);
        var metadata = fields.OptionalMetadata();
        var storedCardId = fields.OptionalInteger("stored_card_id", 1, long.MaxValue);
        var items = fields.OptionalJson("items", SandboxErrors.ItemsNotArray);
        if (items is { } itemList)
        {
            ItemsValidator.Validate(itemList, expectedTotal: null);
        }

        return store.For(merchant.Id).Write(book =>
        {
            var subscription = Records.Find(book.Subscriptions, subscriptionId, "subscription");
            var billing = subscription.Billing;
            var newPlanId = subscription.PlanId;
            if (planId is { } movedTo && movedTo != subscription.PlanId)
            {
                var plan = Records.Find(book.Plans, movedTo, "plan");
                if (plan.Status != PlanService.Active)
                {
                    throw new ApiException(SandboxErrors.ParameterInvalid, "plan_id", "the plan is " + plan.Status);
                }

                // A new plan changes what the next charges take; the setup fee was the old plan's and is not charged again.
                var terms = PlanTerms.For(plan, subscription.Currency);
                billing = billing with { Terms = terms with { SetupFee = billing.SetupFeePending ? terms.SetupFee : Amount.Zero } };
                newPlanId = movedTo;
            }

            if (storedCardId is { } cardId)
            {
                var card = Records.Find(book.StoredCards, cardId, "stored card");
                if (card.Status != StoredCardStatus.Active)
                {
                    throw new ApiException(SandboxErrors.StoredCardNotUsable, card.Status);
                }

                if (card.CustomerId != subscription.CustomerId)
                {
                    throw new ApiException(SandboxErrors.ParameterInvalid, "stored_card_id", "the card belongs to another customer");
                }
            }

            billing = status switch
            {
                SubscriptionBillingStatus.Cancelled => BillingRules.Cancel(billing),
                SubscriptionBillingStatus.Active when billing.Status == SubscriptionBillingStatus.Completed =>
                    throw new ApiException(SandboxErrors.SubscriptionNotUpdatable, "it has charged all its periods"),
                SubscriptionBillingStatus.Active => BillingRules.Reactivate(billing, now),
                _ => billing,
            };
            billing = billing with
            {
                Debt = debt ?? billing.Debt,
                Quantity = quantity is { } q ? (int)q : billing.Quantity,
            };

            var updated = subscription with
            {
                PlanId = newPlanId,
                Billing = billing,
                StoredCardId = storedCardId ?? subscription.StoredCardId,
                Metadata = metadata is { } patch ? MetadataMerge.Merge(subscription.Metadata, patch) : subscription.Metadata,
                Items = items ?? subscription.Items,
                UpdatedAt = now,
            };
            book.Subscriptions[subscriptionId] = updated;
            return updated;
        });
    }

    public static string IdText(long id) => id.ToString(CultureInfo.InvariantCulture);
}
