using Microsoft.Extensions.Primitives;

namespace NordeaConnect.Gateway.Authentication;

/// <summary>
/// The shape of the <c>authorization</c> header the conventions document asks for: one header, the <c>Bearer</c>
/// scheme, and a token of at most 2,048 characters (AN2048) without control characters. A header of another shape is
/// an <i>invalid authorization header</i> (401 / UNAUTHENTICATED); a well-formed one whose token the gateway does not
/// accept is an <i>invalid access token</i> (403 / PERMISSION_DENIED), see <see cref="BearerTokenRefusal"/>.
/// </summary>
internal static class BearerAuthorizationHeader
{
    /// <summary>The longest token the conventions document allows (format AN2048).</summary>
    public const int MaxTokenLength = 2048;

    public const string Missing = "No access token: send the metadata 'authorization: Bearer <token>'";

    private const string Prefix = "Bearer ";

    /// <summary>The token of a well-formed header, or false with what is wrong with the header (never quoting it).</summary>
    public static bool TryRead(StringValues values, out ReadOnlySpan<char> token, out string problem)
    {
        token = default;
        if (values.Count == 0)
        {
            problem = Missing;
            return false;
        }

        if (values.Count > 1)
        {
            problem = "Malformed authorization metadata: send one 'authorization: Bearer <token>', not several";
            return false;
        }

        var value = values[0].AsSpan().Trim();
        if (!value.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) || value[Prefix.Length..].Trim().IsEmpty)
        {
            problem = "Malformed authorization metadata: expected 'Bearer <token>'";
            return false;
        }

        var presented = value[Prefix.Length..].Trim();
        if (presented.Length > MaxTokenLength)
        {
            problem = $"Malformed authorization metadata: the token is longer than {MaxTokenLength} characters";
            return false;
        }

        foreach (var c in presented)
        {
            if (char.IsControl(c))
            {
                problem = "Malformed authorization metadata: the token holds control characters";
                return false;
            }
        }

        token = presented;
        problem = string.Empty;
        return true;
    }

    public static bool IsWellFormed(StringValues values) => TryRead(values, out _, out _);
}
