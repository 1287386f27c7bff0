using Microsoft.Extensions.Configuration.CommandLine;
using Microsoft.Extensions.Configuration.EnvironmentVariables;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.Configuration.KeyPerFile;
using Microsoft.Extensions.Configuration.Memory;
using NordeaConnect.Gateway.Authentication;

namespace NordeaConnect.Gateway.Hosting;

/// <summary>
/// Which of the gateway's secrets are set and which configuration source set each (environment variables, a
/// key-per-file directory, user secrets, a JSON file, ...), for the banner, the start-up log and configuration
/// errors. It holds no value and never reads one into text.
/// </summary>
public sealed class GatewaySecrets
{
    private GatewaySecrets(IReadOnlyList<SecretState> states) => States = states;

    public IReadOnlyList<SecretState> States { get; }

    public static GatewaySecrets Read(IConfiguration configuration, AccessTokenRegistry? tokens = null, bool developmentToken = false)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var states = new List<SecretState>
        {
            Single(configuration, GatewaySettings.ApiPasswordKey, "not set (embedded sandbox)"),
            Single(configuration, GatewaySettings.HashSecretKey, "not set (embedded sandbox)"),
            Single(configuration, GatewaySettings.WebhookSecretKey, string.IsNullOrWhiteSpace(configuration[GatewaySettings.BaseAddressKey]) ? "generated for this run" : "not set (every delivery admitted)"),
        };

        var tokenEntries = configuration.GetSection(AccessTokenConfiguration.SectionName).GetChildren().Where(t => !string.IsNullOrEmpty(t["Token"])).ToList();
        states.Add(tokenEntries.Count == 0
            ? new SecretState(AccessTokenConfiguration.SectionName, developmentToken ? "development token generated for this run" : "none")
            : new SecretState(AccessTokenConfiguration.SectionName, $"{tokens?.Count ?? tokenEntries.Count} set ({string.Join(", ", tokenEntries.Select(t => t["Name"] is { Length: > 0 } name ? name : "token " + t.Key))}) from {string.Join(", ", tokenEntries.Select(t => SourceOf(configuration, t.Path + ":Token")).Distinct())}"));
        var keys = configuration.GetSection(JwtAccessTokenSettings.SectionName + ":SigningKeys").GetChildren().Where(k => !string.IsNullOrEmpty(k["Value"])).ToList();
        if (keys.Count > 0)
        {
            states.Add(new SecretState(JwtAccessTokenSettings.SectionName + ":SigningKeys", $"{keys.Count} set from {string.Join(", ", keys.Select(k => SourceOf(configuration, k.Path + ":Value")).Distinct())}"));
        }

        if (!string.IsNullOrEmpty(configuration[GatewaySettings.PostgresKey]))
        {
            // The connection string may carry the database password.
            states.Add(Single(configuration, GatewaySettings.PostgresKey, "not set"));
        }

        foreach (var key in new[] { GatewayTlsSettings.DefaultCertificateKey + ":Password", GatewayClusterTlsSettings.CertificateKey + ":Password" })
        {
            if (!string.IsNullOrEmpty(configuration[key]))
            {
                states.Add(Single(configuration, key, "not set"));
            }
        }

        return new GatewaySecrets(states);
    }

    /// <summary>The configuration source that supplies <paramref name="key"/> (the last one that has it wins, as in IConfiguration).</summary>
    public static string SourceOf(IConfiguration configuration, string key)
    {
        if (configuration is not IConfigurationRoot root)
        {
            return "configuration";
        }

        foreach (var provider in root.Providers.Reverse())
        {
            if (provider.TryGet(key, out var value) && !string.IsNullOrEmpty(value))
            {
                return provider switch
                {
                    EnvironmentVariablesConfigurationProvider => "environment variables",
                    KeyPerFileConfigurationProvider => "key-per-file directory (" + GatewaySecretFiles.DirectoryKey + ")",
                    JsonConfigurationProvider json when json.Source.Path == "secrets.json" => "user secrets",
                    JsonConfigurationProvider json => "file " + json.Source.Path,
                    CommandLineConfigurationProvider => "command line",
                    MemoryConfigurationProvider => "in-memory configuration",
                    _ => provider.GetType().Name,
                };
            }
        }

        return "configuration";
    }

    private static SecretState Single(IConfiguration configuration, string key, string absent) =>
        new(key, string.IsNullOrEmpty(configuration[key]) ? absent : "set, from " + SourceOf(configuration, key));
}

/// <summary>One secret setting and what is known about it: "set, from environment variables", "not set", ... never the value.</summary>
public sealed record SecretState(string Setting, string State);
