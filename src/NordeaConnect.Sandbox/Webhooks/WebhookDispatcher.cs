using NordeaConnect.Sandbox.Store;
using NordeaConnect.Sandbox.Transactions;

namespace NordeaConnect.Sandbox.Webhooks;

/// <summary>
/// Fires webhooks on the reference's triggers: those attached to a transaction, and the merchant's templates
/// whose trigger matches. E-mail webhooks are recorded, not sent.
/// </summary>
internal sealed class WebhookDispatcher(SandboxStore store, TimeProvider time)
{
    /// <summary>Records a custom webhook attached to a transaction in its create call. Call under the merchant's lock.</summary>
    public WebhookRecord Attach(MerchantBook book, WebhookRequest request, long transactionId, DateTimeOffset now)
    {
        var webhook = new WebhookRecord
        {
            Id = book.Ids.NextWebhook(),
            CreatedAt = now,
            Type = request.IsEmail ? "Email" : "CustomHttp",
            Trigger = request.Trigger,
            Email = request.Email,
            Url = request.Url,
            HttpMethod = request.HttpMethod,
            DataFormat = request.DataFormat,
            TransactionId = transactionId,
        };
        book.Webhooks[webhook.Id] = webhook;
        return webhook;
    }

    /// <summary>A transaction was created or changed status: payment, payment_success, payment_error.</summary>
    public void TransactionChanged(string merchantId, TransactionRecord transaction, string? previousStatus)
    {
        if (transaction.Status == previousStatus)
        {
            return;
        }

        var triggers = transaction.Status switch
        {
            TransactionStatus.Approved => new[] { WebhookTriggers.PaymentSuccess, WebhookTriggers.Payment },
            TransactionStatus.Failed => [WebhookTriggers.PaymentError, WebhookTriggers.Payment],
            TransactionStatus.Authorized => [WebhookTriggers.Payment],
            _ => [],
        };
        foreach (var trigger in triggers)
        {
            Fire(merchantId, trigger, transaction.Id);
        }
    }

    public void Refunded(string merchantId, TransactionRecord transaction) => Fire(merchantId, WebhookTriggers.Refund, transaction.Id);

    private void Fire(string merchantId, string trigger, long transactionId)
    {
        var now = time.GetUtcNow();
        store.For(merchantId).Write(book =>
        {
            foreach (var webhook in book.Webhooks.Values.Where(w => w.TransactionId == transactionId && w.TemplateId is null && w.Trigger == trigger).ToList())
            {
                book.Webhooks[webhook.Id] = webhook with { Attempts = webhook.Attempts.Add(new WebhookAttempt(now, null, null)) };
            }

            return 0;
        });
    }
}
