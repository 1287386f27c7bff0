using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Antiforgery;
using NordeaConnect.Sandbox.Checkout;
using NordeaConnect.Sandbox.Clock;
using NordeaConnect.Sandbox.Dashboard.Pages;
using NordeaConnect.Sandbox.Errors;
using NordeaConnect.Sandbox.Faults;
using NordeaConnect.Sandbox.Hosting;
using NordeaConnect.Sandbox.Http;
using NordeaConnect.Sandbox.Json;
using NordeaConnect.Sandbox.Store;
using NordeaConnect.Sandbox.Transactions;
using NordeaConnect.Sandbox.Webhooks.Delivery;

namespace NordeaConnect.Sandbox.Dashboard;

/// <summary>
/// The dashboard for people at <c>/_sandbox/</c>: server-rendered pages (GET) and forms that change state (POST,
/// antiforgery-checked, answered with a redirect back to the page). The JSON endpoints under <c>/_sandbox/</c>
/// (clock, faults, checkout) keep their paths; the pages that would clash use <c>test-clock</c>, <c>fault-rules</c>
/// and <c>pay</c>.
/// </summary>
internal static class DashboardEndpoints
{
    // A long run (a benchmark) can leave many thousands; a page shows the newest (failing first) and says how many more.
    private const int PageSize = 200;

    private const string ContentSecurityPolicy =
        "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'self'";

    public static void MapSandboxDashboard(this IEndpointRouteBuilder root)
    {
        var pages = root.MapGroup("/_sandbox").ExcludeFromDescription().AddEndpointFilter(async (context, next) =>
        {
            // The pages run no script at all; saying so means injected markup could not run any either.
            context.HttpContext.Response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
            return await next(context);
        });
        pages.MapGet("/", TransactionsAsync);
        pages.MapGet("/transactions", TransactionsAsync);
        pages.MapGet("/transactions/{id:long}", TransactionAsync);
        pages.MapGet("/subscriptions", SubscriptionsAsync);
        pages.MapPost("/test-clock", MoveClockAsync);
        pages.MapGet("/customers", (HttpContext http, DashboardReader reader, DashboardPageRenderer pages) =>
            pages.RenderAsync<CustomersPage>(new Dictionary<string, object?> { ["Base"] = BaseOf(http), ["Rows"] = reader.Customers() }));
        pages.MapGet("/plans", (HttpContext http, DashboardReader reader, DashboardPageRenderer pages) =>
            pages.RenderAsync<PlansPage>(new Dictionary<string, object?> { ["Base"] = BaseOf(http), ["Rows"] = reader.Plans() }));
        pages.MapGet("/webhook-templates", (HttpContext http, DashboardReader reader, DashboardPageRenderer pages) =>
            pages.RenderAsync<TemplatesPage>(new Dictionary<string, object?> { ["Base"] = BaseOf(http), ["Rows"] = reader.Templates() }));
        pages.MapGet("/webhooks", WebhooksAsync);
        pages.MapPost("/webhooks/{merchantId}/{id:long}/retry", RetryWebhookAsync);
        pages.MapGet("/fault-rules", FaultRulesAsync);
        pages.MapPost("/fault-rules", AddFaultRuleAsync);
        pages.MapPost("/fault-rules/{id:int}/remove", RemoveFaultRuleAsync);
        pages.MapGet("/pay/{token}", CheckoutAsync);
        pages.MapPost("/pay/{token}", PayAsync);
    }

    /// <summary>Where the dashboard lives in this host: path base, the sandbox's prefix, then <c>/_sandbox</c>.</summary>
    public static string BaseOf(HttpContext http) =>
        http.Request.PathBase + http.RequestServices.GetRequiredService<SandboxRoutes>().Prefix + "/_sandbox";

    private static Task<IResult> TransactionsAsync(HttpContext http, DashboardReader reader, DashboardPageRenderer pages, string? q, string? status, string? date)
    {
        var day = DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed) ? parsed : (DateOnly?)null;
        var search = new TransactionSearch(q, string.IsNullOrEmpty(status) ? null : status, day);
        var rows = reader.Transactions(search);
        return pages.RenderAsync<TransactionsPage>(new Dictionary<string, object?>
        {
            ["Base"] = BaseOf(http), ["Search"] = search, ["Rows"] = rows.Take(PageSize).ToArray(), ["Total"] = rows.Count,
        });
    }

    private static Task<IResult> TransactionAsync(HttpContext http, long id, DashboardReader reader, DashboardPageRenderer pages) =>
        reader.Transaction(id) is { } detail
            ? pages.RenderAsync<TransactionPage>(new Dictionary<string, object?> { ["Base"] = BaseOf(http), ["Detail"] = detail })
            : Task.FromResult<IResult>(TypedResults.NotFound());

    private static Task<IResult> SubscriptionsAsync(HttpContext http, DashboardReader reader, DashboardPageRenderer pages, SandboxClock clock, IAntiforgery antiforgery, string? moved) =>
        pages.RenderAsync<SubscriptionsPage>(new Dictionary<string, object?>
        {
            ["Base"] = BaseOf(http), ["Now"] = clock.GetUtcNow(), ["Frozen"] = clock.IsFrozen, ["Rows"] = reader.Subscriptions(),
            ["Token"] = TokenFor(http, antiforgery),
            ["Notice"] = moved is null ? null : "The clock moved forward; every charge and webhook retry that fell due has run.",
        });

    private static async Task<IResult> MoveClockAsync(HttpContext http, SandboxClock clock, ClockPulse pulse, IAntiforgery antiforgery)
    {
        if (await ReadVerifiedFormAsync(http, antiforgery) is not { } form)
        {
            return FormRefused();
        }

        var days = int.TryParse(form["days"], NumberStyles.None, CultureInfo.InvariantCulture, out var d) ? d : -1;
        var hours = string.IsNullOrEmpty(form["hours"]) ? 0 : int.TryParse(form["hours"], NumberStyles.None, CultureInfo.InvariantCulture, out var h) ? h : -1;
        if (days is < 0 or > 3660 || hours is < 0 or > 23)
        {
            return TypedResults.BadRequest("Days must be 0 to 3660 and hours 0 to 23.");
        }

        clock.Advance(TimeSpan.FromDays(days) + TimeSpan.FromHours(hours));
        await pulse.PulseAsync(http.RequestAborted);
        return TypedResults.Redirect(BaseOf(http) + "/subscriptions?moved=1");
    }

    private static Task<IResult> WebhooksAsync(HttpContext http, DashboardReader reader, DashboardPageRenderer pages, IAntiforgery antiforgery, long? retried, long? missed) =>
        pages.RenderAsync<WebhooksPage>(new Dictionary<string, object?>
        {
            ["Base"] = BaseOf(http), ["Rows"] = reader.Webhooks().Take(PageSize).ToArray(), ["Token"] = TokenFor(http, antiforgery),
            ["Notice"] = retried is { } id ? "Webhook " + DashboardFormat.Id(id) + " was attempted again." : null,
            ["Problem"] = missed is { } other ? "Webhook " + DashboardFormat.Id(other) + " is not waiting for a retry." : null,
        });

    private static async Task<IResult> RetryWebhookAsync(HttpContext http, string merchantId, long id, WebhookDeliveryQueue queue, IAntiforgery antiforgery)
    {
        if (await ReadVerifiedFormAsync(http, antiforgery) is null)
        {
            return FormRefused();
        }

        var retried = await queue.RetryNowAsync(merchantId, id, http.RequestAborted);
        return TypedResults.Redirect(BaseOf(http) + "/webhooks?" + (retried ? "retried=" : "missed=") + DashboardFormat.Id(id));
    }

    private static Task<IResult> FaultRulesAsync(HttpContext http, FaultInjector injector, DashboardPageRenderer pages, IAntiforgery antiforgery, int? added, int? removed) =>
        RenderFaultRulesAsync(http, injector, pages, antiforgery,
            added is { } a ? "Rule " + a.ToString(CultureInfo.InvariantCulture) + " added." : removed is { } r ? "Rule " + r.ToString(CultureInfo.InvariantCulture) + " removed." : null,
            null);

    private static Task<IResult> RenderFaultRulesAsync(HttpContext http, FaultInjector injector, DashboardPageRenderer pages, IAntiforgery antiforgery, string? notice, string? problem) =>
        pages.RenderAsync<FaultRulesPage>(
            new Dictionary<string, object?>
            {
                ["Base"] = BaseOf(http), ["Rules"] = injector.List(), ["Token"] = TokenFor(http, antiforgery), ["Notice"] = notice, ["Problem"] = problem,
            },
            problem is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest);

    private static async Task<IResult> AddFaultRuleAsync(HttpContext http, FaultInjector injector, DashboardPageRenderer pages, IAntiforgery antiforgery)
    {
        if (await ReadVerifiedFormAsync(http, antiforgery) is not { } form)
        {
            return FormRefused();
        }

        FaultRule rule;
        try
        {
            rule = injector.Add(FaultRuleForm.Read(form));
        }
        catch (ArgumentException refused)
        {
            return await RenderFaultRulesAsync(http, injector, pages, antiforgery, null, refused.Message.Split(" (Parameter", 2)[0]);
        }

        return TypedResults.Redirect(BaseOf(http) + "/fault-rules?added=" + rule.Id.ToString(CultureInfo.InvariantCulture));
    }

    private static async Task<IResult> RemoveFaultRuleAsync(HttpContext http, int id, FaultInjector injector, IAntiforgery antiforgery)
    {
        if (await ReadVerifiedFormAsync(http, antiforgery) is null)
        {
            return FormRefused();
        }

        injector.Remove(id);
        return TypedResults.Redirect(BaseOf(http) + "/fault-rules?removed=" + id.ToString(CultureInfo.InvariantCulture));
    }

    private static Task<IResult> CheckoutAsync(HttpContext http, string token, CheckoutService checkout, DashboardPageRenderer pages, IAntiforgery antiforgery)
    {
        SandboxMerchant merchant;
        TransactionRecord transaction;
        try
        {
            (merchant, transaction) = checkout.Open(token);
        }
        catch (ApiException)
        {
            return Task.FromResult<IResult>(TypedResults.NotFound());
        }

        if (transaction.Status is TransactionStatus.Pending or TransactionStatus.Failed)
        {
            checkout.Opened(merchant, transaction);
            return RenderCheckoutAsync(http, token, merchant, transaction, pages, antiforgery, null, null);
        }

        return RenderCheckoutAsync(http, token, merchant, transaction, pages, antiforgery, null, Outcome(transaction));
    }

    private static async Task<IResult> PayAsync(HttpContext http, string token, CheckoutService checkout, SandboxStore store, DashboardPageRenderer pages, IAntiforgery antiforgery)
    {
        if (await ReadVerifiedFormAsync(http, antiforgery) is not { } form)
        {
            return FormRefused();
        }

        SandboxMerchant merchant;
        TransactionRecord transaction;
        try
        {
            (merchant, transaction) = checkout.Open(token);
        }
        catch (ApiException)
        {
            return TypedResults.NotFound();
        }

        var fields = new JsonObject
        {
            ["payment_method"] = "credit_card",
            ["card_holder"] = form["card_holder"].ToString().Trim(),
            // People type card numbers in groups and expiries as MM/YY; the API wants digits only.
            ["card_number"] = new string([.. form["card_number"].ToString().Where(char.IsAsciiDigit)]),
            ["card_expiry"] = new string([.. form["card_expiry"].ToString().Where(char.IsAsciiDigit)]),
            ["card_cvv"] = form["card_cvv"].ToString().Trim(),
        };
        string? problem = null;
        try
        {
            checkout.Pay(token, new RequestFields(JsonSerializer.SerializeToElement(fields, SandboxJsonContext.Default.JsonObject)));
        }
        catch (ApiException refused)
        {
            problem = refused.DescriptionOverride ?? refused.Error.Describe(ResponseLocale.English, refused.Arguments);
        }

        var after = store.For(merchant.Id).Read(book => book.Transactions[transaction.Id]);
        // A refused form (a bad card number) leaves the payment as it was: show the form again with why.
        return after.Status is TransactionStatus.Pending || (problem is not null && after.UpdatedAt == transaction.UpdatedAt)
            ? await RenderCheckoutAsync(http, token, merchant, after, pages, antiforgery, problem ?? "The payment did not go through.", null, StatusCodes.Status400BadRequest)
            : await RenderCheckoutAsync(http, token, merchant, after, pages, antiforgery, null, Outcome(after));
    }

    private static Task<IResult> RenderCheckoutAsync(
        HttpContext http, string token, SandboxMerchant merchant, TransactionRecord transaction, DashboardPageRenderer pages, IAntiforgery antiforgery,
        string? problem, CheckoutOutcome? paid, int statusCode = StatusCodes.Status200OK) =>
        pages.RenderAsync<CheckoutPage>(
            new Dictionary<string, object?>
            {
                ["DashboardBase"] = BaseOf(http), ["Token"] = token, ["Merchant"] = "Merchant " + merchant.Id,
                ["Amount"] = transaction.Amount.ToUpstreamString(), ["Currency"] = transaction.Currency.Code.ToUpperInvariant(),
                ["PaymentRef"] = transaction.PaymentRef, ["Test"] = transaction.Test, ["TransactionId"] = transaction.Id,
                ["Antiforgery"] = TokenFor(http, antiforgery), ["Problem"] = problem, ["Paid"] = paid,
            },
            statusCode);

    private static CheckoutOutcome Outcome(TransactionRecord transaction) => new(
        transaction.Status,
        transaction.Status is TransactionStatus.Approved or TransactionStatus.Authorized,
        transaction.Error is { } error ? error.DescriptionOverride ?? error.Error.Describe(ResponseLocale.English, error.Arguments) : null,
        transaction.Card?.MaskedNumber,
        transaction.Status == TransactionStatus.Failed ? transaction.ErrorUrl : transaction.SuccessUrl);

    private static AntiforgeryField TokenFor(HttpContext http, IAntiforgery antiforgery)
    {
        var tokens = antiforgery.GetAndStoreTokens(http);
        return new AntiforgeryField(tokens.FormFieldName, tokens.RequestToken ?? string.Empty);
    }

    /// <summary>The posted form, or null when it is not a form or its antiforgery token does not verify.</summary>
    private static async Task<IFormCollection?> ReadVerifiedFormAsync(HttpContext http, IAntiforgery antiforgery)
    {
        if (!http.Request.HasFormContentType)
        {
            return null;
        }

        try
        {
            await antiforgery.ValidateRequestAsync(http);
        }
        catch (AntiforgeryValidationException)
        {
            return null;
        }

        return await http.Request.ReadFormAsync(http.RequestAborted);
    }

    private static IResult FormRefused() =>
        TypedResults.Text("The form could not be verified; reload the page and try again.", "text/plain; charset=utf-8", statusCode: StatusCodes.Status400BadRequest);
}
