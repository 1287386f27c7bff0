using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace NordeaConnect.Gateway.Authentication;

/// <summary>
/// Reads the access tokens from configuration: <c>Gateway:Tokens:0:Token</c>, <c>Gateway:Tokens:0:Scopes</c>
/// ("read write", "read,refund", or a list <c>Scopes:0</c>, <c>Scopes:1</c>) and an optional
/// <c>Gateway:Tokens:0:Name</c> for logs. Problems name the setting, never the token.
/// </summary>
public static class AccessTokenConfiguration
{
    public const string SectionName = "Gateway:Tokens";

    public static AccessTokenRegistry Read(IConfiguration configuration, ICollection<string> problems)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(problems);
        var tokens = new List<AccessToken>();
        foreach (var entry in configuration.GetSection(SectionName).GetChildren())
        {
            var path = entry.Path;
            var name = entry["Name"] is { Length: > 0 } given ? given : "token " + entry.Key;
            var token = entry["Token"];
            if (string.IsNullOrEmpty(token))
            {
                problems.Add($"{path}:Token is missing: set it to a random secret of at least {AccessTokenRegistry.MinTokenLength} characters (e.g. from `openssl rand -hex 32`).");
                continue;
            }

            if (token.Length < AccessTokenRegistry.MinTokenLength || token.Any(c => c is < '!' or > '~'))
            {
                problems.Add($"{path}:Token must be at least {AccessTokenRegistry.MinTokenLength} printable ASCII characters without spaces (e.g. from `openssl rand -hex 32`).");
                continue;
            }

            var scopes = ReadScopes(entry.GetSection("Scopes"), problems);
            if (scopes == AccessScopes.None)
            {
                problems.Add($"{path}:Scopes is empty: give one or more of read, write, refund, admin (e.g. \"read write\").");
                continue;
            }

            var digest = AccessTokenRegistry.Digest(token);
            if (tokens.Any(t => t.Digest.AsSpan().SequenceEqual(digest)))
            {
                problems.Add($"{path}:Token repeats an earlier token: give every caller its own token.");
                continue;
            }

            tokens.Add(new AccessToken(name, digest, scopes));
        }

        return new AccessTokenRegistry(tokens);
    }

    /// <summary>A registry holding one token with every scope: the development token of a local run.</summary>
    public static AccessTokenRegistry ForDevelopmentToken(string token)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(token);
        return new AccessTokenRegistry([new AccessToken("development", AccessTokenRegistry.Digest(token), AccessScopes.Read | AccessScopes.Write | AccessScopes.Refund | AccessScopes.Admin)]);
    }

    private static AccessScopes ReadScopes(IConfigurationSection section, ICollection<string> problems)
    {
        var names = section.Value is { } text
            ? text.Split([' ', ',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : section.GetChildren().Select(c => c.Value ?? string.Empty).ToArray();
        var scopes = AccessScopes.None;
        foreach (var name in names)
        {
            if (AccessScopeNames.TryParse(name, out var scope))
            {
                scopes |= scope;
            }
            else
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"{section.Path} names an unknown scope '{name}': use read, write, refund or admin."));
            }
        }

        return scopes;
    }
}
