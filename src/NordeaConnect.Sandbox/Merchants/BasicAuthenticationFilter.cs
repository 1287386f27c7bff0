using System.Text;
using Microsoft.Net.Http.Headers;
using NordeaConnect.Sandbox.Errors;
using NordeaConnect.Sandbox.Hosting;

namespace NordeaConnect.Sandbox.Merchants;

/// <summary>
/// Basic auth as the reference describes it: the user name is the merchant id, the password the API password.
/// Missing or malformed credentials answer 401, wrong ones 403.
/// </summary>
internal sealed class BasicAuthenticationFilter(MerchantDirectory merchants) : IEndpointFilter
{
    private const string ItemKey = "NordeaConnect.Sandbox.Merchant";

    public static SandboxMerchant MerchantOf(HttpContext http) =>
        http.Items[ItemKey] as SandboxMerchant ?? throw new InvalidOperationException("The endpoint is not behind BasicAuthenticationFilter.");

    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (!TryReadCredentials(http.Request.Headers.Authorization.ToString(), out var merchantId, out var password))
        {
            http.Response.Headers.WWWAuthenticate = "Basic realm=\"Nordea Connect sandbox\"";
            throw new ApiException(SandboxErrors.AuthenticationMissing);
        }

        var merchant = merchants.Authenticate(merchantId, password) ?? throw new ApiException(SandboxErrors.AuthenticationFailed);
        http.Items[ItemKey] = merchant;
        return next(context);
    }

    private static bool TryReadCredentials(string header, out string merchantId, out string password)
    {
        merchantId = password = string.Empty;
        const string scheme = "Basic ";
        if (!header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        Span<byte> decoded = stackalloc byte[512];
        var encoded = header.AsSpan(scheme.Length).Trim();
        if (!Convert.TryFromBase64Chars(encoded, decoded, out var length))
        {
            return false;
        }

        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(decoded[..length]);
        }
        catch (DecoderFallbackException)
        {
            return false;
        }

        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            return false;
        }

        merchantId = text[..colon];
        password = text[(colon + 1)..];
        return true;
    }
}
