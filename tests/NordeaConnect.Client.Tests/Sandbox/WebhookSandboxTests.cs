using NordeaConnect.Primitives;

namespace NordeaConnect.Client.Tests.Sandbox;

public sealed class WebhookSandboxTests : SandboxTest
{
    [Fact]
    public async Task Webhook_templates_are_created_shown_listed_and_updated()
    {
        var created = await Client.WebhookTemplates.CreateAsync(new WebhookTemplateOptions
        {
            Trigger = WebhookTriggers.PaymentSuccess,
            Type = WebhookTemplateTypes.CustomHttp,
            Url = "https://shop.example/hooks/{{ transaction.id }}",
            HttpMethod = "POST",
            DataFormat = "json",
            Body = "{\"id\": {{ transaction.id }}}",
            CustomHeaders = "key=value key2=value2",
        });
        await Client.WebhookTemplates.CreateAsync(new WebhookTemplateOptions { Trigger = WebhookTriggers.Refund, Type = WebhookTemplateTypes.Email, Email = "ops@shop.example", Body = "Refunded {{ transaction.refunds.last.amount }}" });

        var shown = await Client.WebhookTemplates.GetAsync(created.Id);
        var all = await AllAsync(Client.WebhookTemplates.ListAllAsync(new ListOptions { Limit = 1 }));
        var updated = await Client.WebhookTemplates.UpdateAsync(created.Id, new WebhookTemplateOptions { Body = "{\"ref\": \"{{ transaction.payment_ref }}\"}" }, new RequestOptions { RetrySafe = true });

        Assert.Equal(WebhookTriggers.PaymentSuccess, shown.Trigger);
        Assert.Equal("https://shop.example/hooks/{{ transaction.id }}", shown.Url);
        Assert.Equal(Sandbox.Merchant.Id, shown.MerchantId);
        Assert.Equal(2, all.Count);
        Assert.Equal("{\"ref\": \"{{ transaction.payment_ref }}\"}", updated.Body);
        Assert.Equal(WebhookTriggers.PaymentSuccess, updated.Trigger);
    }

    [Fact]
    public async Task Webhooks_attached_to_a_payment_are_listed_and_shown()
    {
        var payment = await Client.Transactions.CreateAsync(CardPayment(
            NextPaymentRef(), "10.00", webhooks: [WebhookDefinition.EmailOn(WebhookTriggers.PaymentSuccess, "receipts@shop.example")]));

        var listed = await AllAsync(Client.Webhooks.ListAllAsync());
        var attached = Assert.Single(listed, webhook => webhook.Email == "receipts@shop.example");
        var shown = await Client.Webhooks.GetAsync(attached.Id);
        var transaction = await Client.Transactions.GetAsync(payment.Id);

        Assert.Equal(WebhookTriggers.PaymentSuccess, shown.Trigger);
        Assert.Contains(transaction.Webhooks, webhook => webhook.Id == attached.Id);
        Assert.Equal(Amount.Parse("10.00"), transaction.Amount);
    }
}
