using System.Text.Json.Nodes;
using NordeaConnect.Sandbox.Errors;
using NordeaConnect.Sandbox.Hosting;
using NordeaConnect.Sandbox.Http;
using NordeaConnect.Sandbox.Store;
using NordeaConnect.Sandbox.Transactions;

namespace NordeaConnect.Sandbox.Checkout;

/// <summary>
/// <c>/_sandbox/checkout/{token}</c>, where payment links (<c>href</c>) point: GET opens the payment window
/// (payment_form webhooks fire), POST pays it. No Basic auth: the customer holds only the link.
/// </summary>
internal static class CheckoutEndpoints
{
    public static void MapCheckoutEndpoints(this IEndpointRouteBuilder root)
    {
        var checkout = root.MapGroup("/_sandbox/checkout").AddEndpointFilter<ApiErrorFilter>();
        checkout.MapGet("/{token}", Open);
        checkout.MapPost("/{token}", PayAsync);
    }

    private static IResult Open(HttpContext http, string token, CheckoutService checkout, SandboxStore store, SandboxRoutes routes)
    {
        // A person following the payment link in a browser gets the checkout page; programs keep getting JSON.
        if (http.Request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase))
        {
            return TypedResults.Redirect(Dashboard.DashboardEndpoints.BaseOf(http) + "/pay/" + Uri.EscapeDataString(token));
        }

        var (merchant, transaction) = checkout.Open(token);
        checkout.Opened(merchant, transaction);
        var view = store.For(merchant.Id).Read(book =>
            new ResourceViews(book, merchant, ResponseLocales.Of(http), routes.PaymentLinkBase(http)).Transaction(book.Transactions[transaction.Id]));
        return SandboxResults.Json(new JsonObject { ["payment_window"] = token, ["transaction"] = view });
    }

    private static async Task<IResult> PayAsync(HttpContext http, string token, CheckoutService checkout, SandboxStore store, SandboxRoutes routes)
    {
        var fields = await RequestBodyReader.ReadAsync(http, http.RequestAborted);
        var result = checkout.Pay(token, fields);
        var body = store.For(result.Merchant.Id).Read(book =>
        {
            var views = new ResourceViews(book, result.Merchant, ResponseLocales.Of(http), routes.PaymentLinkBase(http));
            var transaction = book.Transactions[result.Transaction.Id];
            return new JsonObject
            {
                ["status"] = transaction.Status,
                ["redirect_url"] = transaction.Status == TransactionStatus.Failed ? transaction.ErrorUrl : transaction.SuccessUrl,
                ["transaction"] = views.Transaction(transaction),
                ["stored_card"] = result.StoredCard is { } card ? views.StoredCard(book.StoredCards[card.Id]) : null,
                ["subscription"] = result.Subscription is { } subscription ? views.Subscription(book.Subscriptions[subscription.Id]) : null,
            };
        });
        return SandboxResults.Json(body);
    }
}
