using NordeaConnect.Sandbox.Errors;
using NordeaConnect.Sandbox.Http;
using NordeaConnect.Sandbox.Listing;
using NordeaConnect.Sandbox.Store;

namespace NordeaConnect.Sandbox.StoredCards;

/// <summary><c>/v1/stored_cards</c>: show, list, per customer, status update and delete.</summary>
internal static class StoredCardEndpoints
{
    public static void MapStoredCardEndpoints(this RouteGroupBuilder v1)
    {
        v1.MapGet("/stored_cards", List);
        v1.MapGet("/stored_cards/{id}", Show);
        v1.MapPut("/stored_cards/{id}", UpdateAsync);
        v1.MapDelete("/stored_cards/{id}", Delete);
        v1.MapGet("/customers/{id}/stored_cards", ListForCustomer);
    }

    private static IResult Show(HttpContext http, string id)
    {
        var call = ApiCall.Of(http);
        var cardId = RouteIds.Parse(id, "stored card");
        var extend = ExtendRequest.Parse(http.Request, ResourceViews.StoredCardRelations);
        return SandboxResults.Json(call.Book.Read(book => call.Views(book).StoredCard(Records.Find(book.StoredCards, cardId, "stored card"), extend)));
    }

    private static IResult List(HttpContext http) => ListWhere(http, null);

    private static IResult ListForCustomer(HttpContext http, string id) => ListWhere(http, RouteIds.Parse(id, "customer"));

    private static IResult ListWhere(HttpContext http, long? customerId)
    {
        var call = ApiCall.Of(http);
        var query = ListQuery<StoredCardRecord>.Parse(http.Request, StoredCardSchema.Instance);
        var extend = ExtendRequest.Parse(http.Request, ResourceViews.StoredCardRelations);
        return SandboxResults.List(call, query,
            book => customerId is not { } owner ? book.StoredCards.Values
                : book.Customers.ContainsKey(owner) ? book.StoredCards.Values.Where(c => c.CustomerId == owner)
                : throw new ApiException(SandboxErrors.NotFound, "customer", owner.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            (views, card) => views.StoredCard(card, extend));
    }

    private static async Task<IResult> UpdateAsync(HttpContext http, string id, StoredCardService cards)
    {
        var call = ApiCall.Of(http);
        var cardId = RouteIds.Parse(id, "stored card");
        var card = cards.UpdateStatus(call.Merchant, cardId, await call.ReadBodyAsync());
        return SandboxResults.Json(call.Book.Read(book => call.Views(book).StoredCard(card)));
    }

    private static IResult Delete(HttpContext http, string id, StoredCardService cards)
    {
        var call = ApiCall.Of(http);
        var card = cards.Delete(call.Merchant, RouteIds.Parse(id, "stored card"));
        return SandboxResults.Json(call.Book.Read(book => call.Views(book).StoredCard(card)));
    }
}
