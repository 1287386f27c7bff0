using NordeaConnect.Sandbox.Http;
using NordeaConnect.Sandbox.Listing;
using NordeaConnect.Sandbox.Store;

namespace NordeaConnect.Sandbox.Webhooks;

/// <summary><c>/v1/webhooks</c>: show and list.</summary>
internal static class WebhookEndpoints
{
    public static void MapWebhookEndpoints(this RouteGroupBuilder v1)
    {
        v1.MapGet("/webhooks", List);
        v1.MapGet("/webhooks/{id}", Show);
    }

    private static IResult Show(HttpContext http, string id)
    {
        var call = ApiCall.Of(http);
        var webhookId = RouteIds.Parse(id, "webhook");
        return SandboxResults.Json(call.Book.Read(book => call.Views(book).Webhook(Records.Find(book.Webhooks, webhookId, "webhook"))));
    }

    private static IResult List(HttpContext http)
    {
        var call = ApiCall.Of(http);
        var query = ListQuery<WebhookRecord>.Parse(http.Request, WebhookSchema.Instance);
        ExtendRequest.Parse(http.Request, []);
        return SandboxResults.List(call, query, book => book.Webhooks.Values, (views, webhook) => views.Webhook(webhook));
    }
}
