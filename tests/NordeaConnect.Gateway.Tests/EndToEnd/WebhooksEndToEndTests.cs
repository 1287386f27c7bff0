using NordeaConnect.Grains.V1;
using Grpc.Core;

namespace NordeaConnect.Gateway.Tests.EndToEnd;

[Collection(GatewayCollection.Name)]
public sealed class WebhooksEndToEndTests(GatewayFixture gateway)
{
    [Fact]
    public async Task Webhook_templates_are_created_read_listed_and_updated_with_the_admin_scope()
    {
        var created = await gateway.WebhookTemplates.CreateAsync(
            new CreateWebhookTemplateRequest
            {
                Trigger = "payment_success",
                Type = "custom_http",
                Url = "http://127.0.0.1:9/hook",
                HttpMethod = "post",
                DataFormat = "json",
                Body = "{\"id\": {{ transaction.id }}}",
            },
            GatewayFixture.As(GatewayFixture.AdminOnly));
        var id = created.WebhookTemplate.Id;

        var updated = await gateway.WebhookTemplates.UpdateAsync(new UpdateWebhookTemplateRequest { Id = id, Url = "http://127.0.0.1:9/other" }, GatewayFixture.As(GatewayFixture.AdminOnly));
        var fetched = await gateway.WebhookTemplates.GetAsync(new GetWebhookTemplateRequest { Id = id }, GatewayFixture.As(GatewayFixture.AdminOnly));
        var listed = await gateway.WebhookTemplates.ListAsync(new ListWebhookTemplatesRequest(), GatewayFixture.As(GatewayFixture.AdminOnly));

        Assert.Equal("payment_success", created.WebhookTemplate.Trigger);
        Assert.Equal("http://127.0.0.1:9/other", updated.WebhookTemplate.Url);
        Assert.Equal("{\"id\": {{ transaction.id }}}", fetched.WebhookTemplate.Body);
        Assert.Contains(listed.WebhookTemplates, t => t.Id == id);
    }

    [Fact]
    public async Task Webhooks_are_listed_and_an_unknown_one_is_not_found()
    {
        var listed = await gateway.Webhooks.ListAsync(new ListWebhooksRequest { Options = new ListOptions { Limit = 5 } }, GatewayFixture.As(GatewayFixture.ReadOnly));
        var missing = await Assert.ThrowsAsync<RpcException>(() => gateway.Webhooks.GetAsync(new GetWebhookRequest { Id = 99999999 }, GatewayFixture.As(GatewayFixture.ReadOnly)).ResponseAsync);

        Assert.Equal("000.000.000", listed.Result.Code);
        Assert.True(listed.Page.Total >= listed.Webhooks.Count);
        Assert.Equal(StatusCode.NotFound, missing.StatusCode);
    }
}
