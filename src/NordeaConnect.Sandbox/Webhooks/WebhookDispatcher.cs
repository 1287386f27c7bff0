using System.Text.Json.Nodes;
using NordeaConnect.Sandbox.Clock;
using NordeaConnect.Sandbox.Errors;
using NordeaConnect.Sandbox.Hosting;
using NordeaConnect.Sandbox.Merchants;
using NordeaConnect.Sandbox.Store;
using NordeaConnect.Sandbox.StoredCards;
using NordeaConnect.Sandbox.Subscriptions;
using NordeaConnect.Sandbox.Templating;
using NordeaConnect.Sandbox.Transactions;
using NordeaConnect.Sandbox.Webhooks.Delivery;
using NordeaConnect.Sandbox.WebhookTemplates;

namespace NordeaConnect.Sandbox.Webhooks;

/// <summary>
/// Fires webhooks on the reference's triggers: those attached to a transaction in its create call (each fires once,
/// on the first occurrence of its trigger, with the subject in its data_format) and the merchant's templates whose
/// trigger matches (a new webhook each time, its body rendered from the template's Liquid). Decides and renders under
/// the merchant's lock; hands the deliveries to the delivery queue after it.
/// </summary>
internal sealed partial class WebhookDispatcher(
    SandboxStore store,
    SandboxClock time,
    MerchantDirectory merchants,
    SandboxRoutes routes,
    WebhookDeliveryQueue queue,
    ILogger<WebhookDispatcher> logger)
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

        string[] triggers = transaction.Status switch
        {
            TransactionStatus.Approved => [WebhookTriggers.PaymentSuccess, WebhookTriggers.Payment],
            TransactionStatus.Failed => [WebhookTriggers.PaymentError, WebhookTriggers.Payment],
            TransactionStatus.Authorized => [WebhookTriggers.Payment],
            _ => [],
        };
        foreach (var trigger in triggers)
        {
            Fire(merchantId, trigger, WebhookSubject.Transaction(transaction.Id));
        }
    }

    public void Refunded(string merchantId, TransactionRecord transaction) =>
        Fire(merchantId, WebhookTriggers.Refund, WebhookSubject.Transaction(transaction.Id));

    /// <summary>The payment window (checkout simulation) was opened for a transaction.</summary>
    public void PaymentFormOpened(string merchantId, TransactionRecord transaction) =>
        Fire(merchantId, WebhookTriggers.PaymentForm, WebhookSubject.Transaction(transaction.Id));

    public void CardStored(string merchantId, StoredCardRecord card) =>
        Fire(merchantId, WebhookTriggers.CardStored, WebhookSubject.StoredCard(card.Id));

    public void CardUpdated(string merchantId, StoredCardRecord card) =>
        Fire(merchantId, WebhookTriggers.CardUpdated, WebhookSubject.StoredCard(card.Id));

    public void SubscriptionStarted(string merchantId, SubscriptionRecord subscription) =>
        Fire(merchantId, WebhookTriggers.SubscriptionStarted, WebhookSubject.Subscription(subscription.Id));

    /// <summary>A billing run charged a subscription: subscription_success or subscription_error.</summary>
    public void SubscriptionCharged(string merchantId, long subscriptionId, string trigger) =>
        Fire(merchantId, trigger, WebhookSubject.Subscription(subscriptionId));

    /// <summary>A webhook's retries ran out. An exhausted webhook_exhausted webhook does not fire another one.</summary>
    public void Exhausted(string merchantId, long webhookId, string trigger)
    {
        if (trigger != WebhookTriggers.WebhookExhausted)
        {
            Fire(merchantId, WebhookTriggers.WebhookExhausted, WebhookSubject.Webhook(webhookId));
        }
    }

    private void Fire(string merchantId, string trigger, WebhookSubject subject)
    {
        if (!merchants.TryGet(merchantId, out var merchant))
        {
            return;
        }

        var now = time.GetUtcNow();
        var deliveries = store.For(merchantId).Write(book =>
        {
            var attachedWebhooks = subject.TransactionId is { } transactionId && book.Transactions.TryGetValue(transactionId, out var transaction)
                ? transaction.WebhookIds.Select(id => book.Webhooks[id]).Where(w => w.TemplateId is null && !w.Fired && w.Trigger == trigger).ToList()
                : [];
            var templates = book.WebhookTemplates.Values.Where(t => t.Trigger == trigger).ToList();
            if (attachedWebhooks.Count == 0 && templates.Count == 0)
            {
                // Most events have no webhook: skip rendering the subject.
                return [];
            }

            var data = subject.Render(new ResourceViews(book, merchant, ResponseLocale.English, routes.LastPaymentLinkBase), book);
            if (data is null)
            {
                return [];
            }

            var planned = new List<(long WebhookId, Func<WebhookDelivery> Build)>();
            foreach (var attached in attachedWebhooks)
            {
                book.Webhooks[attached.Id] = attached with { Fired = true };
                planned.Add((attached.Id, () => FromAttached(merchantId, attached, subject.RootName, data)));
            }

            foreach (var template in templates)
            {
                var model = new JsonObject { [subject.RootName] = data.DeepClone() };
                var webhook = FromTemplateRecord(book, template, subject, model, now);
                planned.Add((webhook.Id, () => FromTemplate(merchantId, webhook, template, model)));
            }

            // Rendering can fail (a Liquid error at render time, a rendered URL that is not http): the webhook then
            // records why, instead of a delivery.
            var ready = new List<WebhookDelivery>();
            foreach (var (webhookId, build) in planned)
            {
                try
                {
                    var delivery = build();
                    delivery.Validate();
                    ready.Add(delivery);
                }
                catch (Exception failure) when (failure is LiquidRenderException or ArgumentException or UriFormatException)
                {
                    book.Webhooks[webhookId] = book.Webhooks[webhookId] with { Response = new WebhookResponse("0", null, "Not delivered", failure.Message) };
                }
            }

            return ready;
        });

        foreach (var delivery in deliveries)
        {
            try
            {
                queue.Enqueue(delivery);
            }
            catch (Exception failure) when (failure is ArgumentException or InvalidOperationException)
            {
                LogNotEnqueued(logger, failure, delivery.WebhookId, merchantId);
            }
        }
    }

    private static WebhookRecord FromTemplateRecord(MerchantBook book, WebhookTemplateRecord template, WebhookSubject subject, JsonObject model, DateTimeOffset now)
    {
        var webhook = new WebhookRecord
        {
            Id = book.Ids.NextWebhook(),
            CreatedAt = now,
            Type = template.Type switch { "custom_http" => "CustomHttp", "receipt" => "Receipt", _ => "Email" },
            Trigger = template.Trigger,
            Url = template.Type == "custom_http" ? RenderOrRaw(template.Url, model) : null,
            Email = template.Type == "custom_http" ? null : RenderOrRaw(template.Email, model),
            HttpMethod = template.HttpMethod,
            DataFormat = template.DataFormat,
            TemplateId = template.Id,
            TransactionId = subject.TransactionId,
            Fired = true,
        };
        book.Webhooks[webhook.Id] = webhook;
        if (subject.TransactionId is { } transactionId && book.Transactions.TryGetValue(transactionId, out var transaction))
        {
            book.Transactions[transactionId] = transaction with { WebhookIds = transaction.WebhookIds.Add(webhook.Id) };
        }

        return webhook;
    }

    private static WebhookDelivery FromAttached(string merchantId, WebhookRecord webhook, string rootName, JsonObject data)
    {
        if (webhook.Email is not null)
        {
            return new WebhookDelivery { MerchantId = merchantId, WebhookId = webhook.Id, Trigger = webhook.Trigger, Channel = WebhookChannel.Email, Email = webhook.Email };
        }

        WebhookDelivery.TryParseDataFormat(webhook.DataFormat, out var format);
        return new WebhookDelivery
        {
            MerchantId = merchantId,
            WebhookId = webhook.Id,
            Trigger = webhook.Trigger,
            Channel = WebhookChannel.Http,
            Url = new Uri(webhook.Url!),
            HttpMethod = webhook.HttpMethod ?? "post",
            DataFormat = format,
            Body = WebhookPayloads.Serialize(data, rootName, format),
        };
    }

    private static WebhookDelivery FromTemplate(string merchantId, WebhookRecord webhook, WebhookTemplateRecord template, JsonObject model)
    {
        var body = LiquidTemplate.Parse(template.Body).Render(model);
        if (template.Type != "custom_http")
        {
            return new WebhookDelivery
            {
                MerchantId = merchantId, WebhookId = webhook.Id, Trigger = webhook.Trigger, Channel = WebhookChannel.Email,
                Email = webhook.Email, Sender = RenderOrRaw(template.Sender, model), Body = body,
            };
        }

        WebhookDelivery.TryParseDataFormat(template.DataFormat, out var format);
        var headersText = RenderOrRaw(template.CustomHeaders, model);
        if (!WebhookPayloads.TryParseCustomHeaders(headersText, out var headers, out var headerError))
        {
            throw new ArgumentException("custom_headers: " + headerError);
        }

        return new WebhookDelivery
        {
            MerchantId = merchantId,
            WebhookId = webhook.Id,
            Trigger = webhook.Trigger,
            Channel = WebhookChannel.Http,
            Url = new Uri(webhook.Url!),
            HttpMethod = template.HttpMethod ?? "POST",
            DataFormat = format,
            Body = body,
            Headers = headers,
        };
    }

    private static string? RenderOrRaw(string? liquid, JsonObject model) =>
        liquid is null ? null : LiquidTemplate.Parse(liquid).Render(model);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook {WebhookId} of merchant {MerchantId} was not enqueued")]
    private static partial void LogNotEnqueued(ILogger logger, Exception exception, long webhookId, string merchantId);
}
