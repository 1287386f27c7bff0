using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace NordeaConnect.Client;

/// <summary>
/// The resilience of every call, outermost first: a total timeout (per call overridable), retries with exponential
/// backoff and jitter (reads and writes marked safe only; any call whose connection could not even be opened),
/// a circuit breaker shared by all calls of this client, and a per-attempt timeout. One instance per client, so
/// the circuit's state is shared.
/// </summary>
public sealed class NordeaConnectResiliencePipeline
{
    public NordeaConnectResiliencePipeline(IOptions<NordeaConnectClientOptions> options, ILogger<NordeaConnectResiliencePipeline>? logger = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = options.Value;
        var log = (ILogger?)logger ?? NullLogger.Instance;

        var builder = new ResiliencePipelineBuilder<HttpExchange> { TimeProvider = timeProvider ?? TimeProvider.System };
        builder.AddTimeout(new TimeoutStrategyOptions
        {
            Name = "total",
            TimeoutGenerator = arguments => ValueTask.FromResult(arguments.Context.Properties.GetValue(ResilienceKeys.TotalTimeout, settings.TotalTimeout)),
        });

        if (settings.MaxRetryAttempts > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpExchange>
            {
                Name = "retry",
                MaxRetryAttempts = settings.MaxRetryAttempts,
                Delay = settings.RetryBaseDelay,
                MaxDelay = settings.RetryMaxDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldHandle = arguments => ValueTask.FromResult(TransientFailures.ShouldRetry(arguments.Outcome, arguments.Context)),
                OnRetry = arguments =>
                {
                    NordeaConnectTelemetry.Retries.Add(1);
                    var request = arguments.Context.Properties.GetValue(ResilienceKeys.Request, null!);
                    NordeaConnectLog.Retrying(
                        log,
                        request?.Method.Method ?? "?",
                        request?.Path ?? "?",
                        arguments.AttemptNumber + 1,
                        arguments.RetryDelay.TotalMilliseconds,
                        FailureDescription.Of(arguments.Outcome),
                        arguments.Context.Properties.GetValue(ResilienceKeys.CorrelationId, string.Empty));
                    return ValueTask.CompletedTask;
                },
            });
        }

        builder.AddCircuitBreaker(new CircuitBreakerStrategyOptions<HttpExchange>
        {
            Name = "circuit",
            FailureRatio = settings.CircuitBreakerFailureRatio,
            MinimumThroughput = settings.CircuitBreakerMinimumThroughput,
            SamplingDuration = settings.CircuitBreakerSamplingDuration,
            BreakDuration = settings.CircuitBreakerBreakDuration,
            ShouldHandle = arguments => ValueTask.FromResult(TransientFailures.IsTransient(arguments.Outcome)),
            OnOpened = arguments =>
            {
                NordeaConnectLog.CircuitOpened(log, arguments.BreakDuration.TotalSeconds, FailureDescription.Of(arguments.Outcome));
                return ValueTask.CompletedTask;
            },
            OnClosed = _ =>
            {
                NordeaConnectLog.CircuitClosed(log);
                return ValueTask.CompletedTask;
            },
        });

        builder.AddTimeout(new TimeoutStrategyOptions { Name = "attempt", Timeout = settings.AttemptTimeout });
        Pipeline = builder.Build();
    }

    internal ResiliencePipeline<HttpExchange> Pipeline { get; }
}
