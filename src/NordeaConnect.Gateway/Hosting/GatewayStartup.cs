using System.Diagnostics.CodeAnalysis;
using System.Net.Sockets;

namespace NordeaConnect.Gateway.Hosting;

/// <summary>The main command's start and stop: settings problems and busy ports become a message and an exit code.</summary>
public static class GatewayStartup
{
    /// <summary>The exit code when the configuration cannot work (as sysexits' EX_CONFIG).</summary>
    public const int ConfigurationErrorExitCode = 78;

    public static bool TryReadSettings(IConfiguration configuration, TextWriter error, [NotNullWhen(true)] out GatewaySettings? settings)
    {
        ArgumentNullException.ThrowIfNull(error);
        try
        {
            settings = GatewaySettings.Read(configuration);
            return true;
        }
        catch (GatewayConfigurationException ex)
        {
            error.WriteLine(ex.Message);
            error.WriteLine("Settings come from appsettings.json, environment variables (':' becomes '__', e.g. NordeaConnect__MerchantId), "
                + $"files in the {GatewaySecretFiles.DirectoryKey} directory or, in Development, user secrets. Secrets as read:");
            foreach (var secret in GatewaySecrets.Read(configuration).States)
            {
                error.WriteLine($"  {secret.Setting}: {secret.State}");
            }

            settings = null;
            return false;
        }
    }

    public static async Task<int> RunAsync(WebApplication app, GatewaySettings settings, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(error);
        var log = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("NordeaConnect.Gateway.Secrets");
        foreach (var secret in settings.Secrets.States)
        {
            // Which sources set which secrets, so an operator can tell a mounted file from a stale variable; never a value.
            log.LogInformation("Secret {Setting}: {State}", secret.Setting, secret.State);
        }

        try
        {
            await app.RunAsync();
            return 0;
        }
        catch (IOException ex) when (ex.InnerException is SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse } || ex.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
        {
            error.WriteLine($"{GatewaySettings.UrlsKey} ({string.Join(", ", settings.Endpoints)}) or {GatewaySettings.WebhookUrlsKey} ({string.Join(", ", settings.Webhooks.Endpoints)}) "
                + "is already in use by another process: stop it, or choose other ports, e.g. Gateway__Urls=http://127.0.0.1:5090 Gateway__WebhookUrls=http://127.0.0.1:5091.");
            return ConfigurationErrorExitCode;
        }
    }
}
