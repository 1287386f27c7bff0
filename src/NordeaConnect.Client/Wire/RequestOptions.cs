namespace NordeaConnect.Client;

/// <summary>
/// Per-call settings, passed as the last optional argument before the cancellation token. The wire interfaces carry
/// them to the HTTP pipeline as a request option (<see cref="PropertyKey"/>), where the resilience handler and the
/// call handler read them.
/// </summary>
public sealed class RequestOptions
{
    /// <summary>The key under which a call's settings travel in <see cref="HttpRequestMessage.Options"/>.</summary>
    public const string PropertyKey = "nordeaconnect.request-options";

    private static readonly HttpRequestOptionsKey<RequestOptions> Key = new(PropertyKey);

    /// <summary>
    /// Marks a write as safe to repeat, so it is retried on timeouts, dropped connections and 5xx like a read.
    /// Only set this when a second delivery cannot charge or refund twice (e.g. a status change, a metadata merge).
    /// </summary>
    public bool RetrySafe { get; init; }

    /// <summary>The language of upstream error descriptions: <c>en</c> or <c>sv</c>. Overrides <see cref="NordeaConnectClientOptions.Locale"/>.</summary>
    public string? Locale { get; init; }

    /// <summary>The total time this call may take, all retries included. Overrides <see cref="NordeaConnectClientOptions.TotalTimeout"/>.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>An id to log this call under (sent as <c>X-Correlation-Id</c>); generated when not set.</summary>
    public string? CorrelationId { get; init; }

    /// <summary>The settings a request carries, or null.</summary>
    internal static RequestOptions? Of(HttpRequestMessage request) =>
        request.Options.TryGetValue(Key, out var options) ? options : null;

    /// <summary>
    /// Whether repeating <paramref name="request"/> cannot do a payment twice: reads always, writes only when the
    /// caller says so with <see cref="RetrySafe"/>.
    /// </summary>
    internal static bool IsRetrySafe(HttpRequestMessage request) =>
        request.Method == HttpMethod.Get || request.Method == HttpMethod.Head || Of(request)?.RetrySafe == true;

    /// <summary>
    /// Checks the settings before anything is sent and returns the locale to send: the call's, else the client's.
    /// </summary>
    internal static string? LocaleFor(RequestOptions? requestOptions, string? clientLocale)
    {
        if (requestOptions?.Timeout is { } timeout && timeout <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(requestOptions), timeout, "A call's timeout must be positive.");
        }

        var locale = requestOptions?.Locale ?? clientLocale;
        if (locale is not null && !Locales.IsSupported(locale))
        {
            throw new ArgumentException($"The locale '{locale}' is not supported; use \"en\" or \"sv\".", nameof(requestOptions));
        }

        return locale;
    }
}
