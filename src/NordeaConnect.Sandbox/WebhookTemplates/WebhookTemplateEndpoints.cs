using NordeaConnect.Sandbox.Http;
using NordeaConnect.Sandbox.Listing;
using NordeaConnect.Sandbox.Store;

namespace NordeaConnect.Sandbox.WebhookTemplates;

/// <summary><c>/v1/webhook_templates</c>: create, show, list and update.</summary>
internal static class WebhookTemplateEndpoints
{
    public static void MapWebhookTemplateEndpoints(this RouteGroupBuilder v1)
    {
        v1.MapPost("/webhook_templates", CreateAsync);
        v1.MapGet("/webhook_templates", List);
        v1.MapGet("/webhook_templates/{id}", Show);
        v1.MapPut("/webhook_templates/{id}", UpdateAsync);
    }

    private static async Task<IResult> CreateAsync(HttpContext http, WebhookTemplateService templates)
    {
        var call = ApiCall.Of(http);
        var template = templates.Create(call.Merchant, await call.ReadBodyAsync());
        return SandboxResults.Json(call.Book.Read(book => call.Views(book).WebhookTemplate(template)));
    }

    private static IResult Show(HttpContext http, string id)
    {
        var call = ApiCall.Of(http);
        var templateId = RouteIds.Parse(id, "webhook template");
        return SandboxResults.Json(call.Book.Read(book => call.Views(book).WebhookTemplate(Records.Find(book.WebhookTemplates, templateId, "webhook template"))));
    }

    private static IResult List(HttpContext http)
    {
        var call = ApiCall.Of(http);
        var query = ListQuery<WebhookTemplateRecord>.Parse(http.Request, WebhookTemplateSchema.Instance);
        ExtendRequest.Parse(http.Request, []);
        return SandboxResults.List(call, query, book => book.WebhookTemplates.Values, (views, template) => views.WebhookTemplate(template));
    }

    private static async Task<IResult> UpdateAsync(HttpContext http, string id, WebhookTemplateService templates)
    {
        var call = ApiCall.Of(http);
        var templateId = RouteIds.Parse(id, "webhook template");
        var template = templates.Update(call.Merchant, templateId, await call.ReadBodyAsync());
        return SandboxResults.Json(call.Book.Read(book => call.Views(book).WebhookTemplate(template)));
    }
}
