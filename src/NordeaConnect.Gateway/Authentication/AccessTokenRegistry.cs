using System.Security.Cryptography;
using System.Text;

namespace NordeaConnect.Gateway.Authentication;

/// <summary>
/// The tokens callers may present. A presented token is hashed and its digest compared with every configured
/// digest in constant time, always all of them, so neither the token's content nor its position leaks through timing.
/// </summary>
public sealed class AccessTokenRegistry
{
    /// <summary>Shorter tokens are guessable; configuration refuses them.</summary>
    public const int MinTokenLength = 16;

    private readonly AccessToken[] _tokens;

    internal AccessTokenRegistry(IEnumerable<AccessToken> tokens)
    {
        _tokens = tokens.ToArray();
    }

    public int Count => _tokens.Length;

    public static byte[] Digest(ReadOnlySpan<char> token)
    {
        var maxBytes = Encoding.UTF8.GetMaxByteCount(token.Length);
        var buffer = maxBytes <= 1024 ? stackalloc byte[maxBytes] : new byte[maxBytes];
        var length = Encoding.UTF8.GetBytes(token, buffer);
        var digest = SHA256.HashData(buffer[..length]);
        CryptographicOperations.ZeroMemory(buffer[..length]);
        return digest;
    }

    /// <summary>The scopes of the presented token, or null when no configured token matches.</summary>
    public AuthenticatedCaller? Authenticate(ReadOnlySpan<char> presented)
    {
        var digest = Digest(presented);
        AccessToken? match = null;
        foreach (var token in _tokens)
        {
            // No early exit: every digest is compared whatever the outcome.
            if (CryptographicOperations.FixedTimeEquals(digest, token.Digest))
            {
                match = token;
            }
        }

        return match is null ? null : new AuthenticatedCaller(match.Name, match.Scopes);
    }
}

/// <summary>Who is calling, as far as the gateway cares: a token's label and its scopes.</summary>
public sealed record AuthenticatedCaller(string TokenName, AccessScopes Scopes);
