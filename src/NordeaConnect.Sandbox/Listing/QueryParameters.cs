using NordeaConnect.Sandbox.Errors;
using NordeaConnect.Sandbox.Http;

namespace NordeaConnect.Sandbox.Listing;

/// <summary>The query string, decoded strictly (bad escapes and invalid UTF-8 are refused, not replaced).</summary>
internal static class QueryParameters
{
    public static List<KeyValuePair<string, string>> Of(HttpRequest request)
    {
        var raw = request.QueryString.HasValue ? request.QueryString.Value![1..] : string.Empty;
        return UrlEncodedForm.TryParse(raw, out var pairs, out var problem)
            ? pairs
            : throw new ApiException(SandboxErrors.ParameterInvalid, "query string", problem!);
    }

    public static string? Single(List<KeyValuePair<string, string>> pairs, string name) =>
        pairs.LastOrDefault(p => p.Key == name).Value;
}
