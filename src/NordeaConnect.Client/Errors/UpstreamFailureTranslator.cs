using System.Globalization;
using System.Net;
using System.Text.Json;
using NordeaConnect.Client.Serialization;
using NordeaConnect.Primitives;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace NordeaConnect.Client;

/// <summary>
/// Turns an unsuccessful answer or a failed exchange into the client's typed exceptions. The rule that matters:
/// a write that is not safe to repeat and may have reached the upstream (timeout, dropped connection, 5xx) is
/// <see cref="NordeaConnectOutcomeUnknownException"/>, never a plain failure, so callers reconcile instead of retrying.
/// </summary>
internal static class UpstreamFailureTranslator
{
    public static NordeaConnectException FromAnswer(NordeaConnectRequest request, HttpExchange exchange, string correlationId)
    {
        var status = (int)exchange.StatusCode;
        var error = ReadErrorBody(exchange.Body);
        var resultCode = ResultCodeOf(error, status);
        var call = Describe(request);

        if (status >= 500 && !request.IsRetrySafe)
        {
            return new NordeaConnectOutcomeUnknownException(
                $"Nordea Connect failed {call} with HTTP {status.ToString(CultureInfo.InvariantCulture)}{DescribeError(error)}; the write may or may not have been carried out and was not repeated. Read it back to reconcile (correlation {correlationId}).",
                exchange.StatusCode,
                error,
                correlationId);
        }

        var verb = status >= 500 ? "failed" : "refused";
        return new NordeaConnectException(
            $"Nordea Connect {verb} {call} with HTTP {status.ToString(CultureInfo.InvariantCulture)}{DescribeError(error)} (correlation {correlationId}).",
            resultCode,
            exchange.StatusCode,
            error,
            correlationId);
    }

    /// <summary>Translates a failed exchange; returns null for exceptions that are not communication failures (bugs propagate).</summary>
    public static NordeaConnectException? FromException(NordeaConnectRequest request, Exception exception, TimeSpan totalTimeout, string correlationId)
    {
        var call = Describe(request);
        switch (exception)
        {
            case BrokenCircuitException:
                return new NordeaConnectException(
                    $"{call} was not sent: the circuit to Nordea Connect is open after repeated failures (correlation {correlationId}).",
                    ResultCode.UpstreamUnavailable,
                    null,
                    null,
                    correlationId,
                    exception);
            case HttpRequestException when TransientFailures.NeverSent(exception):
                return new NordeaConnectException(
                    $"{call} was not sent: Nordea Connect could not be reached ({FailureDescription.Of(exception)}) (correlation {correlationId}).",
                    ResultCode.UpstreamUnavailable,
                    null,
                    null,
                    correlationId,
                    exception);
            case TimeoutRejectedException or OperationCanceledException:
                return request.IsRetrySafe
                    ? new NordeaConnectException(
                        $"Nordea Connect did not answer {call} within {totalTimeout.ToString("c", CultureInfo.InvariantCulture)} (correlation {correlationId}).",
                        ResultCode.UpstreamTimeout,
                        null,
                        null,
                        correlationId,
                        exception)
                    : new NordeaConnectOutcomeUnknownException(
                        $"Nordea Connect did not answer {call} in time; the write may or may not have been carried out and was not repeated. Read it back to reconcile (correlation {correlationId}).",
                        null,
                        null,
                        correlationId,
                        exception);
            case HttpRequestException or IOException:
                return request.IsRetrySafe
                    ? new NordeaConnectException(
                        $"The connection to Nordea Connect failed during {call} ({FailureDescription.Of(exception)}) (correlation {correlationId}).",
                        ResultCode.UpstreamUnavailable,
                        null,
                        null,
                        correlationId,
                        exception)
                    : new NordeaConnectOutcomeUnknownException(
                        $"The connection to Nordea Connect dropped during {call} after it was sent; the write may or may not have been carried out and was not repeated. Read it back to reconcile (correlation {correlationId}).",
                        null,
                        null,
                        correlationId,
                        exception);
            default:
                return null;
        }
    }

    internal static ResultCode ResultCodeOf(UpstreamErrorBody? error, int status)
    {
        if (error?.Code is null && error?.Name is { } name && UpstreamErrorTable.TryGetByName(name, out var byName))
        {
            return byName.ResultCode;
        }

        return UpstreamErrorTable.ResultCodeFor(error?.Code, status);
    }

    internal static UpstreamErrorBody? ReadErrorBody(ReadOnlySpan<byte> body)
    {
        if (body.IsEmpty)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(body.ToArray());
            var error = UpstreamErrorBodyConverter.FromElement(document.RootElement);
            return error is null ? null : error with { Description = CardNumberScrubber.Scrub(error.Description) };
        }
        catch (JsonException)
        {
            // A proxy's HTML error page or a truncated body: the status still says enough.
            return null;
        }
    }

    private static string Describe(NordeaConnectRequest request) => request.ToString();

    private static string DescribeError(UpstreamErrorBody? error) =>
        error is null ? string.Empty : $": {error}";
}
