namespace NordeaConnect.Client;

/// <summary>The languages the upstream's error descriptions come in (<c>locale=sv|en</c>).</summary>
public static class Locales
{
    public const string English = "en";
    public const string Swedish = "sv";

    internal static bool IsSupported(string? locale) => locale is English or Swedish;
}
