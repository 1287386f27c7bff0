using System.Net.Http;
using Polly;
using Polly.Timeout;

namespace NordeaConnect.Client;

/// <summary>Which failures are worth another attempt, and which of those may be retried for a write.</summary>
internal static class TransientFailures
{
    /// <summary>A failure of the network or the upstream, as opposed to a refusal (4xx) or a bug.</summary>
    public static bool IsTransient(Outcome<HttpExchange> outcome) =>
        outcome.Exception switch
        {
            null => outcome.Result is { IsTransientFailure: true },
            HttpRequestException or IOException or TimeoutRejectedException => true,
            _ => false,
        };

    /// <summary>
    /// The request never left this process: the connection could not be opened or the host not resolved. Such a
    /// failure is safe to retry even for a payment, since the upstream cannot have seen it.
    /// </summary>
    public static bool NeverSent(Exception? exception) =>
        exception is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError };

    public static bool ShouldRetry(Outcome<HttpExchange> outcome, ResilienceContext context)
    {
        if (NeverSent(outcome.Exception))
        {
            return true;
        }

        return context.Properties.GetValue(ResilienceKeys.RetrySafe, false) && IsTransient(outcome);
    }
}
