using System.Globalization;
using System.Net;
using System.Text.Json;
using NordeaConnect.Client.Serialization;
using NordeaConnect.Primitives;
using Polly.CircuitBreaker;
using Polly.RateLimiting;
using Polly.Timeout;

namespace NordeaConnect.Client;

/// <summary>
/// Turns an unsuccessful answer or a failed exchange into the client's typed exceptions. The rule that matters:
/// a write that is not safe to repeat and may have reached the upstream (timeout, dropped connection, 5xx) is
/// <see cref="NordeaConnectOutcomeUnknownException"/>, never a plain failure, so callers reconcile instead of retrying.
/// Messages hold the method, path, status and the upstream's error (card numbers scrubbed), never a request body.
/// </summary>
internal static class UpstreamFailureTranslator
{
    public static NordeaConnectException FromAnswer(UpstreamCall call, HttpStatusCode statusCode, ReadOnlySpan<byte> body)
    {
        var status = (int)statusCode;
        var error = ReadErrorBody(body);
        var resultCode = ResultCodeOf(error, status);

        if (status >= 500 && !call.IsRetrySafe)
        {
            return new NordeaConnectOutcomeUnknownException(
                $"Nordea Connect failed {call} with HTTP {status.ToString(CultureInfo.InvariantCulture)}{DescribeError(error)}; the write may or may not have been carried out and was not repeated. Read it back to reconcile (correlation {call.CorrelationId}).",
                statusCode,
                error,
                call.CorrelationId);
        }

        var verb = status >= 500 ? "failed" : "refused";
        return new NordeaConnectException(
            $"Nordea Connect {verb} {call} with HTTP {status.ToString(CultureInfo.InvariantCulture)}{DescribeError(error)} (correlation {call.CorrelationId}).",
            resultCode,
            statusCode,
            error,
            call.CorrelationId);
    }

    /// <summary>Translates a failed exchange; returns null for exceptions that are not communication failures (bugs propagate).</summary>
    public static NordeaConnectException? FromException(UpstreamCall call, Exception exception, TimeSpan totalTimeout) =>
        exception switch
        {
            BrokenCircuitException => NotSent(call, "the circuit to Nordea Connect is open after repeated failures", exception),
            RateLimiterRejectedException => NotSent(call, "too many calls to Nordea Connect are in flight", exception),
            HttpRequestException when UpstreamFailures.NeverSent(exception) =>
                NotSent(call, $"Nordea Connect could not be reached ({UpstreamFailures.Describe(exception)})", exception),
            TimeoutRejectedException or OperationCanceledException => call.IsRetrySafe
                ? new NordeaConnectException(
                    $"Nordea Connect did not answer {call} within {totalTimeout.ToString("c", CultureInfo.InvariantCulture)} (correlation {call.CorrelationId}).",
                    ResultCode.UpstreamTimeout,
                    null,
                    null,
                    call.CorrelationId,
                    exception)
                : new NordeaConnectOutcomeUnknownException(
                    $"Nordea Connect did not answer {call} in time; the write may or may not have been carried out and was not repeated. Read it back to reconcile (correlation {call.CorrelationId}).",
                    null,
                    null,
                    call.CorrelationId,
                    exception),
            HttpRequestException or IOException => call.IsRetrySafe
                ? new NordeaConnectException(
                    $"The connection to Nordea Connect failed during {call} ({UpstreamFailures.Describe(exception)}) (correlation {call.CorrelationId}).",
                    ResultCode.UpstreamUnavailable,
                    null,
                    null,
                    call.CorrelationId,
                    exception)
                : new NordeaConnectOutcomeUnknownException(
                    $"The connection to Nordea Connect dropped during {call} after it was sent; the write may or may not have been carried out and was not repeated. Read it back to reconcile (correlation {call.CorrelationId}).",
                    null,
                    null,
                    call.CorrelationId,
                    exception),
            _ => null,
        };

    /// <summary>A 2xx answer whose body is not the entity. A write that succeeded but cannot be read must be reconciled like an unknown outcome.</summary>
    public static NordeaConnectException Unreadable(UpstreamCall call, HttpStatusCode statusCode, Exception exception)
    {
        var message = $"Nordea Connect answered {call} with HTTP {((int)statusCode).ToString(CultureInfo.InvariantCulture)} but a body this client cannot read ({exception.GetType().Name}) (correlation {call.CorrelationId}).";
        return call.IsRetrySafe
            ? new NordeaConnectException(message, ResultCode.InternalError, statusCode, null, call.CorrelationId, exception)
            : new NordeaConnectOutcomeUnknownException(message, statusCode, null, call.CorrelationId, exception);
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
            var reader = new Utf8JsonReader(body);
            using var document = JsonDocument.ParseValue(ref reader);
            var error = UpstreamErrorBodyConverter.FromElement(document.RootElement);
            return error is null ? null : error with { Description = CardNumberScrubber.Scrub(error.Description) };
        }
        catch (JsonException)
        {
            // A proxy's HTML error page or a truncated body: the status still says enough.
            return null;
        }
    }

    private static NordeaConnectException NotSent(UpstreamCall call, string reason, Exception exception) =>
        new($"{call} was not sent: {reason} (correlation {call.CorrelationId}).", ResultCode.UpstreamUnavailable, null, null, call.CorrelationId, exception);

    private static string DescribeError(UpstreamErrorBody? error) =>
        error is null ? string.Empty : $": {error}";
}
