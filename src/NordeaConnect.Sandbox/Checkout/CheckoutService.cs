using NordeaConnect.Sandbox.Clock;
using NordeaConnect.Sandbox.Customers;
using NordeaConnect.Sandbox.Errors;
using NordeaConnect.Sandbox.Hosting;
using NordeaConnect.Sandbox.Http;
using NordeaConnect.Sandbox.Merchants;
using NordeaConnect.Sandbox.Store;
using NordeaConnect.Sandbox.StoredCards;
using NordeaConnect.Sandbox.Subscriptions;
using NordeaConnect.Sandbox.Transactions;
using NordeaConnect.Sandbox.Webhooks;

namespace NordeaConnect.Sandbox.Checkout;

/// <summary>
/// Stands in for the Payment Window: a customer opens a pending transaction's <c>href</c> and pays it, by card or
/// another payment method, optionally storing the card (which needs a customer, by customer_ref) and starting a
/// subscription on a plan with it.
/// </summary>
internal sealed class CheckoutService(SandboxStore store, MerchantDirectory merchants, SandboxClock time, WebhookDispatcher webhooks)
{
    /// <summary>The merchant and transaction a payment link belongs to, or a 404.</summary>
    public (SandboxMerchant Merchant, TransactionRecord Transaction) Open(string token)
    {
        foreach (var book in store.Books)
        {
            var found = book.Read(b => b.TransactionsByHrefToken.TryGetValue(token, out var id) ? b.Transactions[id] : null);
            if (found is not null && merchants.TryGet(book.MerchantId, out var merchant))
            {
                return (merchant, found);
            }
        }

        throw new ApiException(SandboxErrors.NotFound, "payment link", token);
    }

    public void Opened(SandboxMerchant merchant, TransactionRecord transaction) => webhooks.PaymentFormOpened(merchant.Id, transaction);

    public CheckoutResult Pay(string token, RequestFields fields)
    {
        var now = time.GetUtcNow();
        var (merchant, opened) = Open(token);
        var payment = WindowPaymentMethods.Read(fields, now);
        var storeCard = fields.OptionalBoolean("store_card") ?? false;
        var planId = fields.OptionalInteger("plan_id", 1, long.MaxValue);
        var customerRef = fields.OptionalString("customer_ref", 255);
        if ((storeCard || planId is not null) && payment.Card is null)
        {
            throw new ApiException(SandboxErrors.ParameterInvalid, "store_card", "only a card can be stored");
        }

        var result = store.For(merchant.Id).Write(book =>
        {
            var transaction = book.Transactions[opened.Id];
            if (transaction.Status is not (TransactionStatus.Pending or TransactionStatus.Failed))
            {
                throw new ApiException(SandboxErrors.CheckoutNotPayable, transaction.Status);
            }

            var plan = planId is { } id ? Records.Find(book.Plans, id, "plan") : null;
            if (plan is not null)
            {
                SubscriptionService.TermsToStart(plan, transaction.Currency);
            }

            if ((storeCard || plan is not null) && customerRef is null && transaction.CustomerId is null)
            {
                // The reference: "The param customer_ref needs to be used to enable stored card."
                throw new ApiException(SandboxErrors.ParameterMissing, "customer_ref");
            }

            // Every refusal is above: from here on the checkout changes state.
            var customerId = customerRef is not null ? CustomerRegistry.FindOrCreate(book, customerRef, now).Id : transaction.CustomerId;
            var failure = FailureInstructions.ReadOrNull(transaction.Metadata);
            var paid = TransactionService.Process(transaction with { CustomerId = customerId }, payment, null, failure, now);
            StoredCardRecord? card = null;
            SubscriptionRecord? subscription = null;
            if (paid.Status != TransactionStatus.Failed && (storeCard || plan is not null))
            {
                card = StoredCardService.Store(book, payment.Card!, transaction.Currency, customerId!.Value, transaction.Test, now);
                paid = paid with { StoredCardId = card.Id };
                if (plan is not null)
                {
                    subscription = SubscriptionService.Start(book, plan, transaction.Currency, customerId.Value, card.Id, transaction.Test, now);
                    paid = paid with { SubscriptionId = subscription.Id };
                }
            }

            book.Transactions[paid.Id] = paid;
            return new CheckoutResult(merchant, paid, card, subscription, transaction.Status);
        });

        webhooks.TransactionChanged(merchant.Id, result.Transaction, result.PreviousStatus);
        if (result.StoredCard is { } stored)
        {
            webhooks.CardStored(merchant.Id, stored);
        }

        if (result.Subscription is { } started)
        {
            webhooks.SubscriptionStarted(merchant.Id, started);
        }

        return result;
    }
}

/// <summary>What a checkout did: the paid (or failed) transaction, and the card and subscription it created.</summary>
internal sealed record CheckoutResult(SandboxMerchant Merchant, TransactionRecord Transaction, StoredCardRecord? StoredCard, SubscriptionRecord? Subscription, string PreviousStatus);
