using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace NordeaConnect.Client;

/// <summary>
/// The outermost handler of the client's HttpClient, around the resilience handler: adds Basic auth, Accept and a
/// correlation id, turns every non-2xx answer and every failed exchange into the client's typed exceptions (so Refit
/// never builds an ApiException holding the request), and records one trace, one duration metric and one log line
/// per call (method, path, status, duration, correlation id; never a query, body or credential).
/// </summary>
internal sealed class UpstreamCallHandler : DelegatingHandler
{
    private static readonly MediaTypeWithQualityHeaderValue Json = new("application/json");

    private readonly NordeaConnectClientOptions _options;
    private readonly AuthenticationHeaderValue _authorization;
    private readonly string _basePath;
    private readonly ILogger _logger;
    private readonly TimeProvider _timeProvider;

    public UpstreamCallHandler(IOptions<NordeaConnectClientOptions> options, ILogger<UpstreamCallHandler> logger, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        NordeaConnectClientOptionsValidator.ThrowIfInvalid(_options);
        var credentials = Convert.ToBase64String(Encoding.UTF8.GetBytes(_options.MerchantId + ":" + _options.ApiPassword));
        _authorization = new AuthenticationHeaderValue("Basic", credentials);
        _basePath = NordeaConnectClientOptionsValidator.Root(_options.BaseAddress!).AbsolutePath;
        _logger = logger;
        _timeProvider = timeProvider;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var requestOptions = RequestOptions.Of(request);
        request.Headers.Authorization = _authorization;
        request.Headers.Accept.Add(Json);
        request.Headers.TryAddWithoutValidation(NordeaConnectHttp.CorrelationHeader, requestOptions?.CorrelationId ?? Guid.NewGuid().ToString("N")[..16]);
        var call = UpstreamCall.Of(request, _basePath);

        using var activity = NordeaConnectTelemetry.ActivitySource.StartActivity("NordeaConnect " + call.Method, ActivityKind.Client);
        activity?.SetTag("http.request.method", call.Method);
        activity?.SetTag("url.path", call.Path);
        activity?.SetTag("nordeaconnect.correlation_id", call.CorrelationId);
        var started = _timeProvider.GetTimestamp();

        HttpResponseMessage response;
        byte[]? errorBody = null;
        try
        {
            response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                using (response)
                {
                    errorBody = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
                }
            }
        }
        catch (Exception exception) when (!(exception is OperationCanceledException && cancellationToken.IsCancellationRequested)
            && UpstreamFailureTranslator.FromException(call, exception, requestOptions?.Timeout ?? _options.TotalTimeout) is { } failure)
        {
            var elapsed = _timeProvider.GetElapsedTime(started);
            Record(activity, call.Method, null, failure.ResultCode.Value, elapsed);
            NordeaConnectLog.Failed(_logger, call.Method, call.Path, elapsed.TotalMilliseconds, UpstreamFailures.Describe(exception), failure.ResultCode.Value, call.CorrelationId);
            throw failure;
        }

        var duration = _timeProvider.GetElapsedTime(started);
        var status = (int)response.StatusCode;
        if (errorBody is not null)
        {
            var refusal = UpstreamFailureTranslator.FromAnswer(call, response.StatusCode, errorBody);
            Record(activity, call.Method, status, refusal.ResultCode.Value, duration);
            NordeaConnectLog.Refused(_logger, call.Method, call.Path, status, refusal.UpstreamError?.Name, duration.TotalMilliseconds, call.CorrelationId);
            throw refusal;
        }

        Record(activity, call.Method, status, "000.000.000", duration);
        NordeaConnectLog.Answered(_logger, call.Method, call.Path, status, duration.TotalMilliseconds, call.CorrelationId);
        return response;
    }

    private static void Record(Activity? activity, string method, int? status, string resultCode, TimeSpan elapsed)
    {
        activity?.SetTag("http.response.status_code", status);
        activity?.SetTag("nordeaconnect.result_code", resultCode);
        if (resultCode != "000.000.000")
        {
            activity?.SetStatus(ActivityStatusCode.Error, resultCode);
        }

        NordeaConnectTelemetry.Duration.Record(
            elapsed.TotalSeconds,
            new KeyValuePair<string, object?>("http.request.method", method),
            new KeyValuePair<string, object?>("http.response.status_code", status),
            new KeyValuePair<string, object?>("nordeaconnect.result_code", resultCode));
    }
}
