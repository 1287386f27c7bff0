using NordeaConnect.Sandbox.Errors;
using NordeaConnect.Sandbox.Hosting;
using NordeaConnect.Sandbox.Merchants;
using NordeaConnect.Sandbox.Store;

namespace NordeaConnect.Sandbox.Http;

/// <summary>One authenticated API call: who is calling, their data, and the language they want errors in.</summary>
internal sealed class ApiCall
{
    private ApiCall(HttpContext http, SandboxMerchant merchant, MerchantBook book)
    {
        Http = http;
        Merchant = merchant;
        Book = book;
    }

    public HttpContext Http { get; }

    public SandboxMerchant Merchant { get; }

    public MerchantBook Book { get; }

    public ResponseLocale Locale => ResponseLocales.Of(Http);

    public static ApiCall Of(HttpContext http) =>
        new(http, BasicAuthenticationFilter.MerchantOf(http), http.RequestServices.GetRequiredService<SandboxStore>().For(BasicAuthenticationFilter.MerchantOf(http).Id));

    /// <summary>Views for this call; use inside the book's lock.</summary>
    public ResourceViews Views(MerchantBook book) =>
        new(book, Merchant, Locale, Http.RequestServices.GetRequiredService<SandboxRoutes>().PaymentLinkBase(Http));

    public Task<RequestFields> ReadBodyAsync() => RequestBodyReader.ReadAsync(Http, Http.RequestAborted);
}
