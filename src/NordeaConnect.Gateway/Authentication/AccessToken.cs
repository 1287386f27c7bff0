namespace NordeaConnect.Gateway.Authentication;

/// <summary>One configured access token: its SHA-256 digest (the token itself is not kept) and its scopes.</summary>
/// <param name="Name">A label for logs (e.g. "checkout"), never the token.</param>
internal sealed record AccessToken(string Name, byte[] Digest, AccessScopes Scopes);
