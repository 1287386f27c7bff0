using NordeaConnect.Sandbox.Http;
using NordeaConnect.Sandbox.Listing;
using NordeaConnect.Sandbox.Store;

namespace NordeaConnect.Sandbox.Customers;

/// <summary><c>/v1/customers</c>: create, show, list and update (their nested lists live with each resource).</summary>
internal static class CustomerEndpoints
{
    public static void MapCustomerEndpoints(this RouteGroupBuilder v1)
    {
        v1.MapPost("/customers", CreateAsync);
        v1.MapGet("/customers", List);
        v1.MapGet("/customers/{id}", Show);
        v1.MapPut("/customers/{id}", UpdateAsync);
    }

    private static async Task<IResult> CreateAsync(HttpContext http, CustomerService customers)
    {
        var call = ApiCall.Of(http);
        var customer = customers.Create(call.Merchant, await call.ReadBodyAsync());
        return SandboxResults.Json(call.Book.Read(book => call.Views(book).Customer(customer)));
    }

    private static IResult Show(HttpContext http, string id)
    {
        var call = ApiCall.Of(http);
        var customerId = RouteIds.Parse(id, "customer");
        return SandboxResults.Json(call.Book.Read(book => call.Views(book).Customer(Records.Find(book.Customers, customerId, "customer"))));
    }

    private static IResult List(HttpContext http)
    {
        var call = ApiCall.Of(http);
        var query = ListQuery<CustomerRecord>.Parse(http.Request, CustomerSchema.Instance);
        ExtendRequest.Parse(http.Request, []);
        return SandboxResults.List(call, query, book => book.Customers.Values, (views, customer) => views.Customer(customer));
    }

    private static async Task<IResult> UpdateAsync(HttpContext http, string id, CustomerService customers)
    {
        var call = ApiCall.Of(http);
        var customerId = RouteIds.Parse(id, "customer");
        var customer = customers.Update(call.Merchant, customerId, await call.ReadBodyAsync());
        return SandboxResults.Json(call.Book.Read(book => call.Views(book).Customer(customer)));
    }
}
