using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Polly;

namespace NordeaConnect.Client;

/// <summary>
/// Sets the standard resilience handler of Microsoft.Extensions.Http.Resilience from the client's settings:
/// a total timeout (per call overridable with <see cref="RequestOptions.Timeout"/>), retries with exponential
/// backoff and jitter for reads and writes marked safe only (and for any call whose connection could not even be
/// opened), a circuit breaker shared by all calls of the client, and a per-attempt timeout.
/// </summary>
internal static class NordeaConnectResilience
{
    public const string LoggerName = "NordeaConnect.Client.Resilience";

    public static void Configure(HttpStandardResilienceOptions resilience, NordeaConnectClientOptions settings, ILogger logger)
    {
        var totalTimeout = settings.TotalTimeout;
        resilience.TotalRequestTimeout.Timeout = totalTimeout;
        resilience.TotalRequestTimeout.TimeoutGenerator = arguments =>
            ValueTask.FromResult(arguments.Context.GetRequestMessage() is { } request && RequestOptions.Of(request)?.Timeout is { } timeout ? timeout : totalTimeout);

        var retry = resilience.Retry;
        retry.MaxRetryAttempts = Math.Max(1, settings.MaxRetryAttempts);
        retry.Delay = settings.RetryMaxDelay < settings.RetryBaseDelay ? settings.RetryMaxDelay : settings.RetryBaseDelay;
        retry.MaxDelay = settings.RetryMaxDelay;
        retry.BackoffType = DelayBackoffType.Exponential;
        retry.UseJitter = true;
        var retries = settings.MaxRetryAttempts > 0;
        retry.ShouldHandle = arguments => ValueTask.FromResult(retries && ShouldRetry(arguments.Outcome, arguments.Context));
        retry.OnRetry = arguments =>
        {
            NordeaConnectTelemetry.Retries.Add(1);
            var request = arguments.Context.GetRequestMessage();
            NordeaConnectLog.Retrying(
                logger,
                request?.Method.Method ?? "?",
                request?.RequestUri?.AbsolutePath ?? "?",
                arguments.AttemptNumber + 1,
                arguments.RetryDelay.TotalMilliseconds,
                UpstreamFailures.Describe(arguments.Outcome.Result, arguments.Outcome.Exception),
                request is not null && request.Headers.NonValidated.TryGetValues(NordeaConnectHttp.CorrelationHeader, out var ids) ? ids.ToString() : string.Empty);
            return ValueTask.CompletedTask;
        };

        var circuit = resilience.CircuitBreaker;
        circuit.FailureRatio = settings.CircuitBreakerFailureRatio;
        circuit.MinimumThroughput = settings.CircuitBreakerMinimumThroughput;
        circuit.SamplingDuration = settings.CircuitBreakerSamplingDuration;
        circuit.BreakDuration = settings.CircuitBreakerBreakDuration;
        circuit.ShouldHandle = arguments => ValueTask.FromResult(UpstreamFailures.IsTransient(arguments.Outcome.Result, arguments.Outcome.Exception));
        circuit.OnOpened = arguments =>
        {
            NordeaConnectLog.CircuitOpened(logger, arguments.BreakDuration.TotalSeconds, UpstreamFailures.Describe(arguments.Outcome.Result, arguments.Outcome.Exception));
            return ValueTask.CompletedTask;
        };
        circuit.OnClosed = _ =>
        {
            NordeaConnectLog.CircuitClosed(logger);
            return ValueTask.CompletedTask;
        };

        resilience.AttemptTimeout.Timeout = settings.AttemptTimeout;
    }

    private static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, ResilienceContext context)
    {
        if (UpstreamFailures.NeverSent(outcome.Exception))
        {
            return true;
        }

        return context.GetRequestMessage() is { } request
            && RequestOptions.IsRetrySafe(request)
            && UpstreamFailures.IsTransient(outcome.Result, outcome.Exception);
    }
}
