namespace NordeaConnect.Gateway.Hosting;

/// <summary>
/// Secrets from files an orchestrator mounts (Kubernetes secrets, Docker secrets, systemd credentials): the directory
/// named by <c>Gateway:SecretsDirectory</c> (env <c>Gateway__SecretsDirectory</c>) is read key-per-file, each file's
/// name the setting with <c>__</c> for <c>:</c> (<c>NordeaConnect__ApiPassword</c>) and its content the value. Added
/// last, so a mounted file wins over appsettings.json and environment variables.
/// </summary>
public static class GatewaySecretFiles
{
    public const string DirectoryKey = "Gateway:SecretsDirectory";

    public static IConfigurationManager AddGatewaySecretFiles(this IConfigurationManager configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var directory = configuration[DirectoryKey];
        if (!string.IsNullOrWhiteSpace(directory) && Directory.Exists(directory))
        {
            configuration.AddKeyPerFile(Path.GetFullPath(directory), optional: false, reloadOnChange: false);
        }

        return configuration;
    }

    /// <summary>A named directory that does not exist is a configuration problem, not an empty set of secrets.</summary>
    internal static void Check(IConfiguration configuration, List<string> problems)
    {
        var directory = configuration[DirectoryKey];
        if (!string.IsNullOrWhiteSpace(directory) && !Directory.Exists(directory))
        {
            problems.Add($"{DirectoryKey} '{directory}' is not a directory this process can read: mount the secrets there (one file per setting, e.g. NordeaConnect__ApiPassword) or remove the setting.");
        }
    }
}
