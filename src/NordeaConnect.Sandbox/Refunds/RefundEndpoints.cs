using NordeaConnect.Sandbox.Http;
using NordeaConnect.Sandbox.Listing;
using NordeaConnect.Sandbox.Store;

namespace NordeaConnect.Sandbox.Refunds;

/// <summary><c>/v1/refunds</c>: create, show and list.</summary>
internal static class RefundEndpoints
{
    public static void MapRefundEndpoints(this RouteGroupBuilder v1)
    {
        v1.MapPost("/refunds", CreateAsync);
        v1.MapGet("/refunds", List);
        v1.MapGet("/refunds/{id}", Show);
    }

    private static async Task<IResult> CreateAsync(HttpContext http, RefundService refunds)
    {
        var call = ApiCall.Of(http);
        var refund = refunds.Create(call.Merchant, await call.ReadBodyAsync());
        return SandboxResults.Json(call.Book.Read(book => call.Views(book).Refund(refund)));
    }

    private static IResult Show(HttpContext http, string id)
    {
        var call = ApiCall.Of(http);
        var refundId = RouteIds.Parse(id, "refund");
        var extend = ExtendRequest.Parse(http.Request, ResourceViews.RefundRelations);
        return SandboxResults.Json(call.Book.Read(book => call.Views(book).Refund(RefundService.Find(book, refundId), extend)));
    }

    private static IResult List(HttpContext http)
    {
        var call = ApiCall.Of(http);
        var query = ListQuery<RefundRecord>.Parse(http.Request, RefundSchema.Instance);
        var extend = ExtendRequest.Parse(http.Request, ResourceViews.RefundRelations);
        return SandboxResults.List(call, query, book => book.Refunds.Values, (views, refund) => views.Refund(refund, extend));
    }
}
