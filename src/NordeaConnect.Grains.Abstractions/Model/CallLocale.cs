namespace NordeaConnect.Grains;

/// <summary>
/// The language a caller asked for Nordea Connect's texts in (<c>sv</c> or <c>en</c>). It travels into grain calls in
/// Orleans' RequestContext, so every upstream call a grain makes on that caller's behalf carries it without each grain
/// method taking a parameter for it.
/// </summary>
public static class CallLocale
{
    /// <summary>The RequestContext key the locale travels under.</summary>
    public const string RequestContextKey = "nc-locale";

    /// <summary>The locale of the grain call being served, or null for the client's default.</summary>
    public static string? Current => RequestContext.Get(RequestContextKey) as string;

    /// <summary>Sets the locale for the grain calls that follow in this async flow; null clears it.</summary>
    public static void Set(string? locale)
    {
        if (locale is null)
        {
            RequestContext.Remove(RequestContextKey);
        }
        else
        {
            RequestContext.Set(RequestContextKey, locale);
        }
    }

    /// <summary>The client's per-call options carrying the current locale, or null when none was asked.</summary>
    public static Client.RequestOptions? Options() => Current is { } locale ? new Client.RequestOptions { Locale = locale } : null;
}
