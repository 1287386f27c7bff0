using NordeaConnect.Sandbox.Errors;
using NordeaConnect.Sandbox.Http;
using NordeaConnect.Sandbox.Listing;
using NordeaConnect.Sandbox.Store;

namespace NordeaConnect.Sandbox.Subscriptions;

/// <summary><c>/v1/subscriptions</c>: show, list, per customer and update.</summary>
internal static class SubscriptionEndpoints
{
    public static void MapSubscriptionEndpoints(this RouteGroupBuilder v1)
    {
        v1.MapGet("/subscriptions", List);
        v1.MapGet("/subscriptions/{id}", Show);
        v1.MapPut("/subscriptions/{id}", UpdateAsync);
        v1.MapGet("/customers/{id}/subscriptions", ListForCustomer);
    }

    private static IResult Show(HttpContext http, string id)
    {
        var call = ApiCall.Of(http);
        var subscriptionId = RouteIds.Parse(id, "subscription");
        var extend = ExtendRequest.Parse(http.Request, ResourceViews.SubscriptionRelations);
        return SandboxResults.Json(call.Book.Read(book => call.Views(book).Subscription(Records.Find(book.Subscriptions, subscriptionId, "subscription"), extend)));
    }

    private static IResult List(HttpContext http) => ListWhere(http, null);

    private static IResult ListForCustomer(HttpContext http, string id) => ListWhere(http, RouteIds.Parse(id, "customer"));

    private static IResult ListWhere(HttpContext http, long? customerId)
    {
        var call = ApiCall.Of(http);
        var query = ListQuery<SubscriptionRecord>.Parse(http.Request, SubscriptionSchema.Instance);
        var extend = ExtendRequest.Parse(http.Request, ResourceViews.SubscriptionRelations);
        return SandboxResults.List(call, query,
            book => customerId is not { } owner ? book.Subscriptions.Values
                : book.Customers.ContainsKey(owner) ? book.Subscriptions.Values.Where(s => s.CustomerId == owner)
                : throw new ApiException(SandboxErrors.NotFound, "customer", SubscriptionService.IdText(owner)),
            (views, subscription) => views.Subscription(subscription, extend));
    }

    private static async Task<IResult> UpdateAsync(HttpContext http, string id, SubscriptionService subscriptions)
    {
        var call = ApiCall.Of(http);
        var subscriptionId = RouteIds.Parse(id, "subscription");
        var subscription = subscriptions.Update(call.Merchant, subscriptionId, await call.ReadBodyAsync());
        return SandboxResults.Json(call.Book.Read(book => call.Views(book).Subscription(subscription)));
    }
}
