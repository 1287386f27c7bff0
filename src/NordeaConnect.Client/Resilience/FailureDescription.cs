using System.Globalization;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace NordeaConnect.Client;

/// <summary>A short, data-free description of a failed attempt for logs: a status or an exception kind, never a body.</summary>
internal static class FailureDescription
{
    public static string Of(Outcome<HttpExchange> outcome) =>
        outcome.Exception is { } exception ? Of(exception) : "HTTP " + ((int)(outcome.Result?.StatusCode ?? 0)).ToString(CultureInfo.InvariantCulture);

    public static string Of(Exception exception) =>
        exception switch
        {
            TimeoutRejectedException => "timeout",
            BrokenCircuitException => "circuit open",
            HttpRequestException http => "connection failure (" + http.HttpRequestError + ")",
            IOException => "connection dropped",
            _ => exception.GetType().Name,
        };
}
