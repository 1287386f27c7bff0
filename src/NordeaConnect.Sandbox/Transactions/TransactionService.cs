using System.Text.Json;
using NordeaConnect.Primitives;
using NordeaConnect.Sandbox.Clock;
using NordeaConnect.Sandbox.Customers;
using NordeaConnect.Sandbox.Errors;
using NordeaConnect.Sandbox.Hosting;
using NordeaConnect.Sandbox.Http;
using NordeaConnect.Sandbox.Json;
using NordeaConnect.Sandbox.Store;
using NordeaConnect.Sandbox.StoredCards;
using NordeaConnect.Sandbox.Webhooks;

namespace NordeaConnect.Sandbox.Transactions;

/// <summary>
/// Creates, updates and captures transactions. Every input is checked before the merchant's lock is taken, and every
/// state check happens under it together with the change, so a refused request never changes anything.
/// </summary>
internal sealed class TransactionService(SandboxStore store, SandboxClock time, WebhookDispatcher webhooks)
{
    public TransactionRecord Create(SandboxMerchant merchant, RequestFields fields, ClientInfo clientInfo)
    {
        var now = time.GetUtcNow();
        var amountText = fields.OptionalString("amount", 32) ?? throw new ApiException(SandboxErrors.AmountInvalid);
        var amount = fields.RequiredAmount("amount");
        if (amount == Amount.Zero)
        {
            throw new ApiException(SandboxErrors.AmountInvalid);
        }

        var currencyText = fields.OptionalString("currency", 16) ?? throw new ApiException(SandboxErrors.ParameterMissing, "currency");
        var currency = ParseCurrency(currencyText);
        var paymentRefText = fields.OptionalString("payment_ref", 64) ?? throw new ApiException(SandboxErrors.ParameterMissing, "payment_ref");
        if (!PaymentRef.TryParse(paymentRefText, out _, out _))
        {
            throw new ApiException(SandboxErrors.PaymentRefInvalid);
        }

        var customerRef = fields.OptionalString("customer_ref", 255);
        var test = fields.OptionalBoolean("test") ?? false;
        var hash = fields.OptionalString("hash", 64) ?? throw new ApiException(SandboxErrors.ParameterMissing, "hash");
        // Over the fields as sent: currency=SEK hashes as SEK (README, "Hash").
        var expected = RequestHash.ComputeRaw(merchant.Id, paymentRefText, customerRef, amountText, currencyText, test, merchant.HashSecret);
        if (!RequestHash.MatchesDigest(hash, expected))
        {
            throw new ApiException(SandboxErrors.HashInvalid);
        }

        var process = fields.OptionalBoolean("process") ?? true;
        var authorize = fields.OptionalBoolean("authorize") ?? false;
        var vatAmount = ReadVat(fields, amount);
        var metadata = fields.OptionalMetadata();
        var items = fields.OptionalJson("items", SandboxErrors.ItemsNotArray);
        if (items is { } itemList)
        {
            ItemsValidator.Validate(itemList, amount);
        }

        var webhookRequests = WebhookRequest.ReadAll(fields.OptionalJson("webhooks"));
        var successUrl = ReadUrl(fields, "success_url");
        var errorUrl = ReadUrl(fields, "error_url");
        var templateId = fields.OptionalInteger("template_id", 1, long.MaxValue);
        var encrypted = fields.OptionalString("encrypted", 255);
        var failure = FailureInstructions.Read(metadata);
        var payment = process ? PaymentSource.Read(fields, now) : null;

        var record = store.For(merchant.Id).Write(book =>
        {
            var stored = payment?.StoredCardToken is { } token ? UsableStoredCard(book, token, now) : null;
            var customerId = customerRef is not null ? CustomerRegistry.FindOrCreate(book, customerRef, now).Id : stored?.CustomerId;
            var id = book.Ids.NextTransaction();
            var transaction = new TransactionRecord
            {
                Id = id,
                MerchantId = merchant.Id,
                CreatedAt = now,
                UpdatedAt = now,
                Amount = amount,
                VatAmount = vatAmount,
                Currency = currency,
                PaymentRef = paymentRefText,
                Status = TransactionStatus.Pending,
                Test = test,
                Authorize = authorize,
                CustomerId = customerId,
                HrefToken = RandomTokens.HrefToken(),
                SuccessUrl = successUrl,
                ErrorUrl = errorUrl,
                TemplateId = templateId,
                Metadata = metadata,
                Items = items,
                RequestHash = hash.ToLowerInvariant(),
                Encrypted = encrypted,
                ClientInfo = clientInfo,
            };
            if (payment is not null)
            {
                transaction = Process(transaction, payment, stored, failure, now);
            }

            transaction = transaction with { WebhookIds = [.. webhookRequests.Select(w => webhooks.Attach(book, w, id, now).Id)] };
            book.Transactions[id] = transaction;
            book.TransactionsByHrefToken[transaction.HrefToken] = id;
            return transaction;
        });

        webhooks.TransactionChanged(merchant.Id, record, previousStatus: null);
        return record;
    }

    public TransactionRecord Update(SandboxMerchant merchant, long transactionId, RequestFields fields)
    {
        var now = time.GetUtcNow();
        var amount = fields.OptionalAmount("amount");
        if (amount == Amount.Zero)
        {
            throw new ApiException(SandboxErrors.AmountInvalid);
        }

        var currency = fields.OptionalString("currency", 16) is { } currencyText ? ParseCurrency(currencyText) : (CurrencyCode?)null;
        var vatText = fields.Has("vat_amount");
        var metadata = fields.OptionalMetadata();
        var items = fields.OptionalJson("items", SandboxErrors.ItemsNotArray);
        var customerRef = fields.OptionalString("customer_ref", 255);
        var encrypted = fields.OptionalString("encrypted", 255);
        var wantsPayment = CardInput.IsPresent(fields) || CardInput.IsStoredCard(fields);
        var process = fields.OptionalBoolean("process") ?? wantsPayment;
        var changesPayment = wantsPayment || amount is not null || currency is not null || vatText || items is not null || customerRef is not null;
        var payment = process ? PaymentSource.Read(fields, now) : null;
        TransactionRecord? before = null;

        var record = store.For(merchant.Id).Write(book =>
        {
            before = Find(book, transactionId);
            var transaction = before;
            if ((changesPayment || process) && transaction.Status is not (TransactionStatus.Pending or TransactionStatus.Failed))
            {
                throw new ApiException(SandboxErrors.TransactionNotUpdatable, transaction.Status);
            }

            var newAmount = amount ?? transaction.Amount;
            var newVat = vatText ? ReadVat(fields, newAmount) : transaction.VatAmount;
            if (newVat is { } vat && vat > newAmount)
            {
                throw new ApiException(SandboxErrors.ParameterInvalid, "vat_amount", "it is larger than the amount");
            }

            var newItems = items ?? transaction.Items;
            if (newItems is { } itemList && (items is not null || amount is not null))
            {
                ItemsValidator.Validate(itemList, newAmount);
            }

            var mergedMetadata = metadata is { } patch ? MetadataMerge.Merge(transaction.Metadata, patch) : transaction.Metadata;
            var failure = FailureInstructions.Read(mergedMetadata);
            var stored = payment?.StoredCardToken is { } token ? UsableStoredCard(book, token, now) : null;
            transaction = transaction with
            {
                Amount = newAmount,
                VatAmount = newVat,
                Currency = currency ?? transaction.Currency,
                Items = newItems,
                Metadata = mergedMetadata,
                CustomerId = customerRef is not null ? CustomerRegistry.FindOrCreate(book, customerRef, now).Id : transaction.CustomerId,
                Encrypted = encrypted ?? transaction.Encrypted,
                UpdatedAt = now,
            };
            if (payment is not null)
            {
                transaction = Process(transaction, payment, stored, failure, now);
            }

            book.Transactions[transaction.Id] = transaction;
            return transaction;
        });

        webhooks.TransactionChanged(merchant.Id, record, before!.Status);
        return record;
    }

    public TransactionRecord Capture(SandboxMerchant merchant, long transactionId, RequestFields fields)
    {
        var now = time.GetUtcNow();
        var amount = fields.RequiredAmount("amount");
        if (amount == Amount.Zero)
        {
            throw new ApiException(SandboxErrors.AmountInvalid);
        }

        var record = store.For(merchant.Id).Write(book =>
        {
            var transaction = Find(book, transactionId);
            if (transaction.Status != TransactionStatus.Authorized)
            {
                throw new ApiException(SandboxErrors.CaptureNotAuthorized, transaction.Status);
            }

            if (amount > transaction.AuthorizedAmount)
            {
                throw new ApiException(SandboxErrors.CaptureExceedsAuthorized, amount.ToUpstreamString(), transaction.AuthorizedAmount.ToUpstreamString());
            }

            var captured = transaction with
            {
                Amount = amount,
                Status = TransactionStatus.Approved,
                Captures = transaction.Captures.Add(new CaptureRecord(amount, now)),
                ProcessedAt = now,
                UpdatedAt = now,
            };
            book.Transactions[captured.Id] = captured;
            return captured;
        });

        webhooks.TransactionChanged(merchant.Id, record, TransactionStatus.Authorized);
        return record;
    }

    /// <summary>Call under the merchant's lock.</summary>
    public static TransactionRecord Find(MerchantBook book, long transactionId) =>
        book.Transactions.TryGetValue(transactionId, out var transaction)
            ? transaction
            : throw new ApiException(SandboxErrors.NotFound, "transaction", transactionId.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>Runs a payment on a transaction: approved (or authorized), or failed as its metadata instructs.</summary>
    public static TransactionRecord Process(TransactionRecord transaction, PaymentSource payment, StoredCardRecord? stored, ApiException? failure, DateTimeOffset now)
    {
        var card = stored is not null
            ? new PaymentCard(stored.CardHolder, stored.MaskedNumber, stored.MaskedNumber[^4..], null, stored.Brand)
            : payment.Card;
        var status = failure is not null ? TransactionStatus.Failed : transaction.Authorize ? TransactionStatus.Authorized : TransactionStatus.Approved;
        return transaction with
        {
            Status = status,
            Card = card,
            StoredCardId = stored?.Id ?? transaction.StoredCardId,
            CustomerId = transaction.CustomerId ?? stored?.CustomerId,
            // An approved wallet payment shows as the card payment it became.
            TransactionType = payment.WalletType is not null && status != TransactionStatus.Failed ? "credit_card" : payment.TransactionType,
            WalletType = payment.WalletType,
            PaymentMethod = payment.PaymentMethod,
            AuthorizedAmount = status == TransactionStatus.Authorized ? transaction.Amount : Amount.Zero,
            Error = failure is null ? null : RecordedError.From(failure),
            ProcessedAt = status == TransactionStatus.Failed ? transaction.ProcessedAt : now,
            UpdatedAt = now,
        };
    }

    /// <summary>Call under the merchant's lock: the active, unexpired stored card with this token.</summary>
    public static StoredCardRecord UsableStoredCard(MerchantBook book, string token, DateTimeOffset now)
    {
        if (!book.StoredCardsByToken.TryGetValue(token, out var id))
        {
            throw new ApiException(SandboxErrors.StoredCardTokenInvalid);
        }

        var card = book.StoredCards[id];
        if (card.Status != StoredCardStatus.Active)
        {
            throw new ApiException(SandboxErrors.StoredCardNotUsable, card.Status);
        }

        return card.Expires < now ? throw new ApiException(SandboxErrors.StoredCardNotUsable, "expired") : card;
    }

    public static CurrencyCode ParseCurrency(string text) =>
        CurrencyCode.TryParse(text, out var currency) ? currency : throw new ApiException(SandboxErrors.CurrencyInvalid, text);

    private static Amount? ReadVat(RequestFields fields, Amount amount)
    {
        var vat = fields.OptionalAmount("vat_amount");
        return vat is { } value && value > amount
            ? throw new ApiException(SandboxErrors.ParameterInvalid, "vat_amount", "it is larger than the amount")
            : vat;
    }

    private static string? ReadUrl(RequestFields fields, string name)
    {
        var url = fields.OptionalString(name, 2048);
        if (string.IsNullOrEmpty(url))
        {
            return url;
        }

        // The reference says these may contain Liquid, so only the scheme is checked.
        return url.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || url.Contains("{{", StringComparison.Ordinal)
            ? url
            : throw new ApiException(SandboxErrors.ParameterInvalid, name, "expected an http or https URL");
    }
}
