using System.Text.Json.Nodes;
using NordeaConnect.Sandbox.Json;
using NordeaConnect.Sandbox.Listing;

namespace NordeaConnect.Sandbox.Http;

/// <summary>The sandbox's answers: a JSON object, or a page of a list with its <c>Content-Range</c>.</summary>
internal static class SandboxResults
{
    public static IResult Json(JsonNode body) => TypedResults.Json(body, SandboxJson.Context.JsonNode);

    public static IResult Page(HttpContext http, IEnumerable<JsonObject> items, int offset, int total)
    {
        var array = new JsonArray([.. items]);
        http.Response.Headers["Content-Range"] = ContentRange.Of(offset, array.Count, total);
        return TypedResults.Json<JsonNode>(array, SandboxJson.Context.JsonNode);
    }

    /// <summary>Lists <paramref name="all"/> as <paramref name="query"/> asks, rendering each item under the book's lock.</summary>
    public static IResult List<T>(ApiCall call, ListQuery<T> query, Func<Store.MerchantBook, IEnumerable<T>> all, Func<Store.ResourceViews, T, JsonObject> render)
    {
        var (page, total) = call.Book.Read(book =>
        {
            var views = call.Views(book);
            var items = query.Apply(all(book), out var count);
            return (items.Select(item => render(views, item)).ToList(), count);
        });
        return Page(call.Http, page, query.Offset, total);
    }
}
