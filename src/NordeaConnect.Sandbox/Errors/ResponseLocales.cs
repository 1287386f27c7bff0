namespace NordeaConnect.Sandbox.Errors;

/// <summary>Which language a request wants its errors in: <c>locale=sv|en</c> in the body or the query.</summary>
internal static class ResponseLocales
{
    private const string ItemKey = "NordeaConnect.Sandbox.Locale";

    /// <summary>Records the body's <c>locale</c>, which wins over the query's.</summary>
    public static void Remember(HttpContext http, string? bodyLocale)
    {
        if (Parse(bodyLocale) is { } locale)
        {
            http.Items[ItemKey] = locale;
        }
    }

    public static ResponseLocale Of(HttpContext http)
    {
        if (http.Items.TryGetValue(ItemKey, out var remembered) && remembered is ResponseLocale locale)
        {
            return locale;
        }

        return Parse(http.Request.Query["locale"].ToString()) ?? ResponseLocale.English;
    }

    private static ResponseLocale? Parse(string? text) => text?.Trim().ToUpperInvariant() switch
    {
        "SV" or "SV-SE" => ResponseLocale.Swedish,
        "EN" or "EN-GB" or "EN-US" => ResponseLocale.English,
        _ => null,
    };
}
