using NordeaConnect.Sandbox.Http;
using NordeaConnect.Sandbox.Listing;
using NordeaConnect.Sandbox.Store;

namespace NordeaConnect.Sandbox.Plans;

/// <summary><c>/v1/plans</c>: create, show and list.</summary>
internal static class PlanEndpoints
{
    public static void MapPlanEndpoints(this RouteGroupBuilder v1)
    {
        v1.MapPost("/plans", CreateAsync);
        v1.MapGet("/plans", List);
        v1.MapGet("/plans/{id}", Show);
    }

    private static async Task<IResult> CreateAsync(HttpContext http, PlanService plans)
    {
        var call = ApiCall.Of(http);
        var plan = plans.Create(call.Merchant, await call.ReadBodyAsync());
        return SandboxResults.Json(call.Book.Read(book => call.Views(book).Plan(plan)));
    }

    private static IResult Show(HttpContext http, string id)
    {
        var call = ApiCall.Of(http);
        var planId = RouteIds.Parse(id, "plan");
        return SandboxResults.Json(call.Book.Read(book => call.Views(book).Plan(Records.Find(book.Plans, planId, "plan"))));
    }

    private static IResult List(HttpContext http)
    {
        var call = ApiCall.Of(http);
        var query = ListQuery<PlanRecord>.Parse(http.Request, PlanSchema.Instance);
        ExtendRequest.Parse(http.Request, []);
        return SandboxResults.List(call, query, book => book.Plans.Values, (views, plan) => views.Plan(plan));
    }
}
