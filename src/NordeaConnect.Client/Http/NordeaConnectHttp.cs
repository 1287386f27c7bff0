using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Polly;

namespace NordeaConnect.Client;

/// <summary>
/// The HTTP seam over an <see cref="HttpClient"/>: adds Basic auth, the locale and a correlation id, runs the call
/// through <see cref="NordeaConnectResiliencePipeline"/>, maps failures to <see cref="NordeaConnectException"/>, and
/// records a trace, a duration metric and one log line (method, path, status, duration, correlation id).
/// </summary>
public sealed class NordeaConnectHttp : INordeaConnectHttp
{
    /// <summary>The header carrying the correlation id of a call.</summary>
    public const string CorrelationHeader = "X-Correlation-Id";

    private static readonly MediaTypeWithQualityHeaderValue Json = new("application/json");

    private readonly HttpClient _httpClient;
    private readonly NordeaConnectResiliencePipeline _resilience;
    private readonly NordeaConnectClientOptions _options;
    private readonly Uri _root;
    private readonly AuthenticationHeaderValue _authorization;
    private readonly ILogger _logger;
    private readonly TimeProvider _timeProvider;

    public NordeaConnectHttp(
        HttpClient httpClient,
        NordeaConnectResiliencePipeline resilience,
        IOptions<NordeaConnectClientOptions> options,
        ILogger<NordeaConnectHttp>? logger = null,
        TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(resilience);
        ArgumentNullException.ThrowIfNull(options);
        _httpClient = httpClient;
        _resilience = resilience;
        _options = options.Value;
        NordeaConnectClientOptionsValidator.ThrowIfInvalid(_options);
        _root = WithTrailingSlash(_options.BaseAddress!);
        var credentials = Convert.ToBase64String(Encoding.UTF8.GetBytes(_options.MerchantId + ":" + _options.ApiPassword));
        _authorization = new AuthenticationHeaderValue("Basic", credentials);
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    public async Task<NordeaConnectResponse> SendAsync(NordeaConnectRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var locale = request.Options?.Locale ?? _options.Locale;
        if (locale is not null && !Locales.IsSupported(locale))
        {
            throw new ArgumentException($"The locale '{locale}' is not supported; use \"en\" or \"sv\".", nameof(request));
        }

        var totalTimeout = request.Options?.Timeout ?? _options.TotalTimeout;
        if (totalTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(request), totalTimeout, "A call's timeout must be positive.");
        }

        var correlationId = request.Options?.CorrelationId ?? Guid.NewGuid().ToString("N")[..16];
        var uri = BuildUri(request, locale);
        var method = request.Method.Method;

        using var activity = NordeaConnectTelemetry.ActivitySource.StartActivity("NordeaConnect " + method, ActivityKind.Client);
        activity?.SetTag("http.request.method", method);
        activity?.SetTag("url.path", request.Path);
        activity?.SetTag("nordeaconnect.correlation_id", correlationId);

        var started = _timeProvider.GetTimestamp();
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(ResilienceKeys.RetrySafe, request.IsRetrySafe);
        context.Properties.Set(ResilienceKeys.TotalTimeout, totalTimeout);
        context.Properties.Set(ResilienceKeys.Request, request);
        context.Properties.Set(ResilienceKeys.CorrelationId, correlationId);

        HttpExchange exchange;
        try
        {
            exchange = await _resilience.Pipeline.ExecuteAsync(
                static (attempt, state) => state.Self.SendOnceAsync(state.Request, state.Uri, state.CorrelationId, attempt.CancellationToken),
                context,
                (Self: this, Request: request, Uri: uri, CorrelationId: correlationId)).ConfigureAwait(false);
        }
        catch (Exception exception) when (!(exception is OperationCanceledException && cancellationToken.IsCancellationRequested)
            && UpstreamFailureTranslator.FromException(request, exception, totalTimeout, correlationId) is { } failure)
        {
            var elapsed = _timeProvider.GetElapsedTime(started);
            Record(activity, method, null, failure.ResultCode.Value, elapsed);
            NordeaConnectLog.Failed(_logger, method, request.Path, elapsed.TotalMilliseconds, FailureDescription.Of(exception), failure.ResultCode.Value, correlationId);
            throw failure;
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }

        var duration = _timeProvider.GetElapsedTime(started);
        var status = (int)exchange.StatusCode;
        if (!exchange.IsSuccess)
        {
            var failure = UpstreamFailureTranslator.FromAnswer(request, exchange, correlationId);
            Record(activity, method, status, failure.ResultCode.Value, duration);
            NordeaConnectLog.Refused(_logger, method, request.Path, status, failure.UpstreamError?.Name, duration.TotalMilliseconds, correlationId);
            throw failure;
        }

        Record(activity, method, status, "000.000.000", duration);
        NordeaConnectLog.Answered(_logger, method, request.Path, status, duration.TotalMilliseconds, correlationId);

        ContentRange? range = null;
        if (exchange.ContentRange is { } header)
        {
            if (ContentRange.TryParse(header, out var parsed))
            {
                range = parsed;
            }
            else
            {
                NordeaConnectLog.UnreadableContentRange(_logger, method, request.Path, correlationId);
            }
        }

        return new NordeaConnectResponse(exchange.StatusCode, exchange.Body, range, correlationId);
    }

    private async ValueTask<HttpExchange> SendOnceAsync(NordeaConnectRequest request, Uri uri, string correlationId, CancellationToken cancellationToken)
    {
        using var message = new HttpRequestMessage(request.Method, uri);
        message.Headers.Authorization = _authorization;
        message.Headers.Accept.Add(Json);
        message.Headers.TryAddWithoutValidation(CorrelationHeader, correlationId);
        message.Content = request.Form?.ToContent();

        using var response = await _httpClient.SendAsync(message, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        var range = response.Content.Headers.NonValidated.TryGetValues("Content-Range", out var values)
            || response.Headers.NonValidated.TryGetValues("Content-Range", out values)
            ? values.ToString()
            : null;
        return new HttpExchange(response.StatusCode, body, range);
    }

    private Uri BuildUri(NordeaConnectRequest request, string? locale)
    {
        var query = request.Query;
        if (locale is not null)
        {
            query = string.IsNullOrEmpty(query) ? "locale=" + locale : query + "&locale=" + locale;
        }

        return new Uri(_root, query is null ? request.Path : request.Path + "?" + query);
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

    private static Uri WithTrailingSlash(Uri address) =>
        address.AbsoluteUri.EndsWith('/') ? address : new Uri(address.AbsoluteUri + "/");
}
