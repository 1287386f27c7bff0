using NordeaConnect.Sandbox.Errors;
using NordeaConnect.Sandbox.Http;
using NordeaConnect.Sandbox.Listing;
using NordeaConnect.Sandbox.Store;

namespace NordeaConnect.Sandbox.Transactions;

/// <summary><c>/v1/transactions</c>: create, show, list, update and capture; and the customer- and subscription-scoped lists.</summary>
internal static class TransactionEndpoints
{
    public static void MapTransactionEndpoints(this RouteGroupBuilder v1)
    {
        v1.MapPost("/transactions", CreateAsync);
        v1.MapGet("/transactions", List);
        v1.MapGet("/transactions/{id}", Show);
        v1.MapPut("/transactions/{id}", UpdateAsync);
        v1.MapPut("/transactions/{id}/capture", CaptureAsync);
        v1.MapGet("/customers/{id}/transactions", ListForCustomer);
        v1.MapGet("/subscriptions/{id}/transactions", ListForSubscription);
    }

    private static async Task<IResult> CreateAsync(HttpContext http, TransactionService transactions)
    {
        var call = ApiCall.Of(http);
        var fields = await call.ReadBodyAsync();
        var created = transactions.Create(call.Merchant, fields, ClientInfo.From(http));
        return Answer(call, created);
    }

    private static IResult Show(HttpContext http, string id)
    {
        var call = ApiCall.Of(http);
        var transactionId = RouteIds.Parse(id, "transaction");
        var extend = ExtendRequest.Parse(http.Request, ResourceViews.TransactionRelations);
        return SandboxResults.Json(call.Book.Read(book => call.Views(book).Transaction(TransactionService.Find(book, transactionId), extend)));
    }

    private static IResult List(HttpContext http) => ListWhere(http, _ => null, _ => true);

    private static IResult ListForCustomer(HttpContext http, string id)
    {
        var customerId = RouteIds.Parse(id, "customer");
        return ListWhere(http, book => book.Customers.ContainsKey(customerId) ? null : "customer", t => t.CustomerId == customerId, customerId);
    }

    private static IResult ListForSubscription(HttpContext http, string id)
    {
        var subscriptionId = RouteIds.Parse(id, "subscription");
        return ListWhere(http, book => book.Subscriptions.ContainsKey(subscriptionId) ? null : "subscription", t => t.SubscriptionId == subscriptionId, subscriptionId);
    }

    private static IResult ListWhere(HttpContext http, Func<MerchantBook, string?> missingOwner, Func<TransactionRecord, bool> belongs, long ownerId = 0)
    {
        var call = ApiCall.Of(http);
        var query = ListQuery<TransactionRecord>.Parse(http.Request, TransactionSchema.Instance);
        var extend = ExtendRequest.Parse(http.Request, ResourceViews.TransactionRelations);
        return SandboxResults.List(call, query,
            book => missingOwner(book) is { } owner
                ? throw new ApiException(SandboxErrors.NotFound, owner, ownerId.ToString(System.Globalization.CultureInfo.InvariantCulture))
                : book.Transactions.Values.Where(belongs),
            (views, transaction) => views.Transaction(transaction, extend));
    }

    private static async Task<IResult> UpdateAsync(HttpContext http, string id, TransactionService transactions)
    {
        var call = ApiCall.Of(http);
        var transactionId = RouteIds.Parse(id, "transaction");
        var fields = await call.ReadBodyAsync();
        return Answer(call, transactions.Update(call.Merchant, transactionId, fields));
    }

    private static async Task<IResult> CaptureAsync(HttpContext http, string id, TransactionService transactions)
    {
        var call = ApiCall.Of(http);
        var transactionId = RouteIds.Parse(id, "transaction");
        var fields = await call.ReadBodyAsync();
        return Answer(call, transactions.Capture(call.Merchant, transactionId, fields));
    }

    /// <summary>A failed payment is stored (and listed) but answered with its error object, like any refused call.</summary>
    private static IResult Answer(ApiCall call, TransactionRecord transaction)
    {
        if (transaction.Status == TransactionStatus.Failed && transaction.Error is { } error)
        {
            throw new ApiException(error.Error, [.. error.Arguments]) { DescriptionOverride = error.DescriptionOverride };
        }

        return SandboxResults.Json(call.Book.Read(book => call.Views(book).Transaction(book.Transactions[transaction.Id])));
    }
}
