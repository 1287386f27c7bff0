using NordeaConnect.Grains;
using Upstream = NordeaConnect.Client;

namespace NordeaConnect.Gateway.Mapping;

/// <summary>A request's <c>locale</c> ("sv" or "en", checked) sent upstream: per client call, or into grain calls.</summary>
public static class CallLocales
{
    /// <summary>The client's per-call options for a call the gateway makes itself; null keeps the client's default.</summary>
    public static Upstream.RequestOptions? ForClient(string locale) =>
        RequestFields.Locale(locale) is { } checkedLocale ? new Upstream.RequestOptions { Locale = checkedLocale } : null;

    /// <summary>Makes the locale travel with the grain calls that follow in this call (Orleans RequestContext).</summary>
    public static void ForGrains(string locale) => CallLocale.Set(RequestFields.Locale(locale));
}
