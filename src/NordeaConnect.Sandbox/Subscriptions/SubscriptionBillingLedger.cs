using NordeaConnect.Primitives;
using NordeaConnect.Sandbox.Clock;
using NordeaConnect.Sandbox.Billing;
using NordeaConnect.Sandbox.Errors;
using NordeaConnect.Sandbox.Json;
using NordeaConnect.Sandbox.Store;
using NordeaConnect.Sandbox.Transactions;
using NordeaConnect.Sandbox.Webhooks;

namespace NordeaConnect.Sandbox.Subscriptions;

/// <summary>
/// The billing engine's view of the store: due subscriptions, their charges (a recurring transaction on the stored
/// card, failed when the card is not usable or the subscription's metadata says so) and their new billing state.
/// </summary>
internal sealed class SubscriptionBillingLedger(SandboxStore store, SandboxClock time, WebhookDispatcher webhooks) : IBillingLedger
{
    public IReadOnlyList<SubscriptionBilling> GetDueSubscriptions(DateTimeOffset now) =>
        store.Books.SelectMany(book => book.Read(b => b.Subscriptions.Values
                .Where(s => s.Billing is { Status: SubscriptionBillingStatus.Active, NextAt: { } next } && next <= now)
                .Select(s => s.Billing)
                .ToList()))
            .ToList();

    public Task<ChargeOutcome> ChargeAsync(SubscriptionCharge charge, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var transaction = store.For(charge.MerchantId).Write(book =>
        {
            if (!book.Subscriptions.TryGetValue(charge.SubscriptionId, out var subscription))
            {
                return null;
            }

            var (card, refusal) = Usable(book, subscription, now);
            var total = charge.Amount.Value + ItemsTotal(subscription.Items);
            if (total > Amount.MaxValue.Value)
            {
                (card, refusal, total) = (null, new ApiException(SandboxErrors.AmountInvalid), charge.Amount.Value);
            }

            var failure = refusal ?? FailureInstructions.ReadOrNull(subscription.Metadata);
            var created = new TransactionRecord
            {
                Id = book.Ids.NextTransaction(),
                MerchantId = charge.MerchantId,
                CreatedAt = now,
                UpdatedAt = now,
                Amount = Amount.FromDecimal(total),
                Currency = subscription.Currency,
                Status = TransactionStatus.Pending,
                Test = subscription.Test,
                CustomerId = subscription.CustomerId,
                SubscriptionId = subscription.Id,
                HrefToken = RandomTokens.HrefToken(),
                Metadata = subscription.Metadata,
                Items = subscription.Items,
            };
            created = card is null
                ? created with { Status = TransactionStatus.Failed, Error = RecordedError.From(failure!), TransactionType = "recurring", PaymentMethod = "recurring" }
                : TransactionService.Process(created, PaymentSource.Recurring(card.Token), card, failure, now);
            book.Transactions[created.Id] = created;
            book.TransactionsByHrefToken[created.HrefToken] = created.Id;
            return created;
        });

        if (transaction is null)
        {
            return Task.FromResult(ChargeOutcome.Failure(null, "the subscription no longer exists"));
        }

        webhooks.TransactionChanged(charge.MerchantId, transaction, previousStatus: null);
        return Task.FromResult(transaction.Status == TransactionStatus.Approved
            ? ChargeOutcome.Success(transaction.Id)
            : ChargeOutcome.Failure(transaction.Id, transaction.Error?.Render(ResponseLocale.English).Description ?? "failed"));
    }

    public SubscriptionBilling? Apply(SubscriptionBillingUpdate update) =>
        store.For(update.Before.MerchantId).Write(book =>
        {
            if (!book.Subscriptions.TryGetValue(update.Before.SubscriptionId, out var subscription))
            {
                return null;
            }

            var merged = update.MergeInto(subscription.Billing);
            book.Subscriptions[subscription.Id] = subscription with { Billing = merged, UpdatedAt = time.GetUtcNow() };
            return merged;
        });

    /// <summary>
    /// What the subscription's items add to each charge: the reference says items "can also be used in subscriptions
    /// to add additional product charges on top of the Plan amount". Items were validated when set.
    /// </summary>
    private static decimal ItemsTotal(System.Text.Json.JsonElement? items)
    {
        if (items is not { ValueKind: System.Text.Json.JsonValueKind.Array } list)
        {
            return 0m;
        }

        var total = 0m;
        foreach (var item in list.EnumerateArray())
        {
            if (item.TryGetProperty("amount", out var amount)
                && decimal.TryParse(amount.ValueKind == System.Text.Json.JsonValueKind.String ? amount.GetString() : amount.GetRawText(),
                    System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture, out var value))
            {
                total += value;
            }
        }

        return total;
    }

    /// <summary>The subscription's stored card if it can be charged, else why not.</summary>
    private static (StoredCards.StoredCardRecord? Card, ApiException? Refusal) Usable(MerchantBook book, SubscriptionRecord subscription, DateTimeOffset now)
    {
        if (subscription.StoredCardId is not { } cardId || !book.StoredCards.TryGetValue(cardId, out var card))
        {
            return (null, new ApiException(SandboxErrors.StoredCardTokenInvalid));
        }

        try
        {
            return (TransactionService.UsableStoredCard(book, card.Token, now), null);
        }
        catch (ApiException refused)
        {
            return (null, refused);
        }
    }
}
