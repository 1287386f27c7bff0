using NordeaConnect.Primitives;
using NordeaConnect.Sandbox.Clock;
using NordeaConnect.Sandbox.Errors;
using NordeaConnect.Sandbox.Hosting;
using NordeaConnect.Sandbox.Http;
using NordeaConnect.Sandbox.Json;
using NordeaConnect.Sandbox.Store;
using NordeaConnect.Sandbox.Transactions;
using NordeaConnect.Sandbox.Webhooks;

namespace NordeaConnect.Sandbox.StoredCards;

/// <summary>
/// Stored cards: created only by a payment through the payment window (the checkout simulation) with a
/// customer_ref, as the reference says; the API shows, lists, changes the status of and deletes them.
/// </summary>
internal sealed class StoredCardService(SandboxStore store, SandboxClock time, WebhookDispatcher webhooks)
{
    public StoredCardRecord UpdateStatus(SandboxMerchant merchant, long storedCardId, RequestFields fields)
    {
        var status = fields.RequiredString("status", 16);
        return StoredCardStatus.IsKnown(status)
            ? ChangeStatus(merchant, storedCardId, status)
            : throw new ApiException(SandboxErrors.ParameterInvalid, "status", "expected active, inactive or deleted");
    }

    public StoredCardRecord Delete(SandboxMerchant merchant, long storedCardId) => ChangeStatus(merchant, storedCardId, StoredCardStatus.Deleted);

    /// <summary>Stores the card a checkout paid with. Call under the merchant's lock.</summary>
    public static StoredCardRecord Store(MerchantBook book, PaymentCard card, CurrencyCode currency, long customerId, bool test, DateTimeOffset now)
    {
        if (card.Expiry is null || !CardInput.TryParseExpiry(card.Expiry, out var expires))
        {
            throw new ApiException(SandboxErrors.StoredCardExpiresMissing);
        }

        var stored = new StoredCardRecord
        {
            Id = book.Ids.NextStoredCard(),
            CreatedAt = now,
            UpdatedAt = now,
            Token = RandomTokens.StoredCardToken(),
            CardHolder = card.Holder,
            MaskedNumber = card.MaskedNumber,
            Brand = card.Brand,
            Currency = currency,
            Expires = expires,
            CustomerId = customerId,
            Status = StoredCardStatus.Active,
            Test = test,
        };
        book.StoredCards[stored.Id] = stored;
        book.StoredCardsByToken[stored.Token] = stored.Id;
        return stored;
    }

    private StoredCardRecord ChangeStatus(SandboxMerchant merchant, long storedCardId, string status)
    {
        var now = time.GetUtcNow();
        var (card, changed) = store.For(merchant.Id).Write(book =>
        {
            var card = Records.Find(book.StoredCards, storedCardId, "stored card");
            if (card.Status == status)
            {
                return (card, false);
            }

            if (card.Status == StoredCardStatus.Deleted)
            {
                throw new ApiException(SandboxErrors.StoredCardNotUsable, "deleted, which is final");
            }

            var updated = card with { Status = status, UpdatedAt = now };
            book.StoredCards[storedCardId] = updated;
            return (updated, true);
        });

        if (changed)
        {
            webhooks.CardUpdated(merchant.Id, card);
        }

        return card;
    }
}
