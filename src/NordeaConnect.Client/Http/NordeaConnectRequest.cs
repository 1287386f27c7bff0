namespace NordeaConnect.Client;

/// <summary>
/// One call to Nordea Connect as the services describe it: method, path under the base address (e.g.
/// <c>v1/transactions/443</c>), an already encoded query, and an optional form body. <see cref="ToString"/> shows
/// method and path only, so a request can be logged without its card data.
/// </summary>
public sealed class NordeaConnectRequest
{
    public NordeaConnectRequest(HttpMethod method, string path, string? query = null, FormBody? form = null, RequestOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (path.StartsWith('/') || path.Contains('?', StringComparison.Ordinal))
        {
            throw new ArgumentException($"The path '{path}' must be relative to the base address (no leading '/') and carry no query.", nameof(path));
        }

        Method = method;
        Path = path;
        Query = string.IsNullOrEmpty(query) ? null : query;
        Form = form;
        Options = options;
    }

    public HttpMethod Method { get; }

    /// <summary>The path relative to the base address, e.g. <c>v1/refunds</c>.</summary>
    public string Path { get; }

    /// <summary>The encoded query without the leading '?', or null.</summary>
    public string? Query { get; }

    /// <summary>The form body of a write, or null.</summary>
    public FormBody? Form { get; }

    public RequestOptions? Options { get; }

    /// <summary>
    /// Whether repeating this call cannot do a payment twice: reads always, writes only when the caller says so
    /// with <see cref="RequestOptions.RetrySafe"/>.
    /// </summary>
    public bool IsRetrySafe => Method == HttpMethod.Get || Method == HttpMethod.Head || Options?.RetrySafe == true;

    public override string ToString() => $"{Method.Method} {Path}";
}
