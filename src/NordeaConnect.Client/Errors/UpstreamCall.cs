namespace NordeaConnect.Client;

/// <summary>What the error messages and logs say about one call: method, path without query, retry safety, correlation id.</summary>
internal readonly record struct UpstreamCall(string Method, string Path, bool IsRetrySafe, string CorrelationId)
{
    /// <summary>Describes the request as the call handler prepared it (path relative to the base address).</summary>
    public static UpstreamCall Of(HttpRequestMessage request, string basePath)
    {
        var path = request.RequestUri?.AbsolutePath ?? string.Empty;
        if (path.StartsWith(basePath, StringComparison.Ordinal))
        {
            path = path[basePath.Length..];
        }

        var correlationId = request.Headers.NonValidated.TryGetValues(NordeaConnectHttp.CorrelationHeader, out var values) ? values.ToString() : string.Empty;
        return new UpstreamCall(request.Method.Method, path, RequestOptions.IsRetrySafe(request), correlationId);
    }

    public override string ToString() => Method + " " + Path;
}
