using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using NordeaConnect.Primitives;

namespace NordeaConnect.Client;

/// <summary>
/// What every resource service does with the seam: build the request, send it, read the JSON answer into the
/// entity, and walk pages. Kept apart from the services so each service is only its endpoints.
/// </summary>
internal sealed class ResourceCalls
{
    /// <summary>The page size <c>ListAllAsync</c> uses when the caller sets none (the upstream's default of 10 means many round trips).</summary>
    public const int DefaultWalkPageSize = 100;

    private readonly INordeaConnectHttp _http;

    public ResourceCalls(INordeaConnectHttp http)
    {
        ArgumentNullException.ThrowIfNull(http);
        _http = http;
    }

    public static string PathOf(string resource, long id)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(id);
        return string.Create(CultureInfo.InvariantCulture, $"v1/{resource}/{id}");
    }

    public async Task<T> GetAsync<T>(string path, GetOptions? options, JsonTypeInfo<T> typeInfo, RequestOptions? requestOptions, CancellationToken cancellationToken)
    {
        var query = new QueryString();
        options?.AppendTo(query);
        var response = await _http.SendAsync(new NordeaConnectRequest(HttpMethod.Get, path, query.ToString(), null, requestOptions), cancellationToken).ConfigureAwait(false);
        return Read(response, typeInfo, HttpMethod.Get, path, isRetrySafeRequest: true);
    }

    public async Task<T> SendAsync<T>(HttpMethod method, string path, FormBody? form, JsonTypeInfo<T> typeInfo, RequestOptions? requestOptions, CancellationToken cancellationToken)
    {
        var request = new NordeaConnectRequest(method, path, null, form, requestOptions);
        var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        return Read(response, typeInfo, method, path, request.IsRetrySafe);
    }

    public async Task<Page<T>> ListAsync<T>(string path, ListOptions? options, FilterableFields fields, JsonTypeInfo<T[]> typeInfo, RequestOptions? requestOptions, CancellationToken cancellationToken, long? offset = null, int? limit = null)
    {
        options?.Validate(fields);
        var query = new QueryString();
        if (options is null)
        {
            query.Add("limit", limit).Add("offset", offset);
        }
        else
        {
            options.AppendTo(query, offset, limit);
        }

        var response = await _http.SendAsync(new NordeaConnectRequest(HttpMethod.Get, path, query.ToString(), null, requestOptions), cancellationToken).ConfigureAwait(false);
        var items = Read(response, typeInfo, HttpMethod.Get, path, isRetrySafeRequest: true) ?? [];
        var requestedOffset = offset ?? options?.Offset ?? 0;
        var requestedLimit = limit ?? options?.Limit ?? 10;
        var range = response.ContentRange;

        // With start_id the position is only known from the header, whose first item is counted from one.
        var position = options?.StartId is not null && range?.First is { } first ? first - 1 : requestedOffset;
        return new Page<T>(items, position, requestedLimit, range?.Total);
    }

    public async IAsyncEnumerable<T> ListAllAsync<T>(string path, ListOptions? options, FilterableFields fields, JsonTypeInfo<T[]> typeInfo, RequestOptions? requestOptions, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        options?.Validate(fields);
        var offset = options?.Offset ?? 0;
        var limit = options?.Limit ?? DefaultWalkPageSize;
        while (true)
        {
            var page = await ListAsync(path, options, fields, typeInfo, requestOptions, cancellationToken, offset, limit).ConfigureAwait(false);
            foreach (var item in page.Items)
            {
                yield return item;
            }

            // Advance by what arrived, not by the header's numbers, so a one-based or off-by-one range cannot skip items.
            offset += page.Items.Count;
            var exhausted = page.Items.Count == 0
                || (page.Total is { } total ? offset >= total : page.Items.Count < limit);
            if (exhausted)
            {
                yield break;
            }
        }
    }

    private static T Read<T>(NordeaConnectResponse response, JsonTypeInfo<T> typeInfo, HttpMethod method, string path, bool isRetrySafeRequest)
    {
        try
        {
            return JsonSerializer.Deserialize(response.Body.Span, typeInfo)
                ?? throw new JsonException("The body is JSON null.");
        }
        catch (Exception exception) when (exception is JsonException or FormatException or ArgumentException)
        {
            var message = $"Nordea Connect answered {method.Method} {path} with HTTP {((int)response.StatusCode).ToString(CultureInfo.InvariantCulture)} but a body that is not a {typeof(T).Name.TrimEnd('[', ']')} (correlation {response.CorrelationId}).";

            // A write that succeeded upstream but cannot be read must be reconciled by reading it back, like an unknown outcome.
            throw isRetrySafeRequest
                ? new NordeaConnectException(message, ResultCode.InternalError, response.StatusCode, null, response.CorrelationId, exception)
                : new NordeaConnectOutcomeUnknownException(message, response.StatusCode, null, response.CorrelationId, exception);
        }
    }
}
