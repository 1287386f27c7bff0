using Polly.CircuitBreaker;
using Polly.Timeout;

namespace NordeaConnect.Client;

/// <summary>Which failures of an attempt are worth another one, and how to name a failure in a log line without data.</summary>
internal static class UpstreamFailures
{
    /// <summary>A failure of the network or the upstream, as opposed to a refusal (4xx) or a bug.</summary>
    public static bool IsTransient(HttpResponseMessage? response, Exception? exception) =>
        exception switch
        {
            null => response is { } answer && ((int)answer.StatusCode >= 500 || answer.StatusCode is System.Net.HttpStatusCode.RequestTimeout or System.Net.HttpStatusCode.TooManyRequests),
            HttpRequestException or IOException or TimeoutRejectedException => true,
            _ => false,
        };

    /// <summary>
    /// The request never left this process: the connection could not be opened or the host not resolved. Such a
    /// failure is safe to retry even for a payment, since the upstream cannot have seen it.
    /// </summary>
    public static bool NeverSent(Exception? exception) =>
        exception is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError };

    /// <summary>A short, data-free description for logs: a status or an exception kind, never a body.</summary>
    public static string Describe(HttpResponseMessage? response, Exception? exception) =>
        exception is not null ? Describe(exception) : "HTTP " + ((int)(response?.StatusCode ?? 0)).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static string Describe(Exception exception) =>
        exception switch
        {
            TimeoutRejectedException => "timeout",
            BrokenCircuitException => "circuit open",
            HttpRequestException http => "connection failure (" + http.HttpRequestError + ")",
            IOException => "connection dropped",
            _ => exception.GetType().Name,
        };
}
