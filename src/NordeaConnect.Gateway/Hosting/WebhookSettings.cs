using System.Globalization;
using System.Net;
using System.Security.Cryptography;

namespace NordeaConnect.Gateway.Hosting;

/// <summary>
/// The webhook intake's settings: the HTTP/1.1 endpoints Nordea Connect's webhooks arrive on (the gRPC endpoints
/// speak h2c only), the shared secret deliveries must carry, and the public address templates are registered with.
/// </summary>
public sealed class WebhookSettings
{
    private WebhookSettings(IReadOnlyList<IPEndPoint> endpoints, string? sharedSecret, Uri? publicUrl, bool registerTemplates)
    {
        Endpoints = endpoints;
        SharedSecret = sharedSecret;
        PublicUrl = publicUrl;
        RegisterTemplates = registerTemplates && publicUrl is not null;
    }

    /// <summary>Where the intake listens (HTTP/1.1).</summary>
    public IReadOnlyList<IPEndPoint> Endpoints { get; }

    /// <summary>
    /// The secret every delivery must carry, or null to admit any. The local run generates one, so only the embedded
    /// sandbox's templates (which carry it in their URL) are admitted. Never printed or logged.
    /// </summary>
    public string? SharedSecret { get; }

    /// <summary>
    /// The intake's base address as upstream calls it, e.g. https://gateway.example/webhooks/nordeaconnect; the gateway
    /// registers one webhook template per trigger there at start-up. Null: someone else configures upstream's webhooks.
    /// </summary>
    public Uri? PublicUrl { get; }

    /// <summary>
    /// Whether the gateway registers its webhook templates upstream at start-up: when a public URL is known and
    /// <c>Webhooks:RegisterTemplates</c> is not false (false: the admin console configures upstream's webhooks).
    /// </summary>
    public bool RegisterTemplates { get; }

    internal static WebhookSettings Read(IConfiguration configuration, bool embeddedSandbox, List<string> problems, ICollection<IPEndPoint>? tls = null)
    {
        var endpoints = GatewaySettings.ReadEndpoints(GatewaySettings.WebhookUrlsKey, configuration[GatewaySettings.WebhookUrlsKey], GatewaySettings.DefaultWebhookUrl, "HTTP/1.1, for Nordea Connect's webhooks", problems, tls);
        var secret = configuration[GatewaySettings.WebhookSecretKey];
        if (string.IsNullOrEmpty(secret))
        {
            secret = embeddedSandbox ? "whk-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)) : null;
        }
        else if (secret.Length < 16)
        {
            // The value itself is never echoed: it is a secret.
            problems.Add($"{GatewaySettings.WebhookSecretKey} is {secret.Length.ToString(CultureInfo.InvariantCulture)} characters long: use at least 16 random characters (or leave it out to admit every delivery).");
        }

        var register = true;
        var registerText = configuration[GatewaySettings.WebhookRegisterKey];
        if (!string.IsNullOrWhiteSpace(registerText) && !bool.TryParse(registerText, out register))
        {
            problems.Add($"{GatewaySettings.WebhookRegisterKey} '{registerText}' is not true or false.");
            register = true;
        }

        return new WebhookSettings(endpoints, secret, ReadPublicUrl(configuration, embeddedSandbox, endpoints, problems), register);
    }

    private static Uri? ReadPublicUrl(IConfiguration configuration, bool embeddedSandbox, IReadOnlyList<IPEndPoint> endpoints, List<string> problems)
    {
        var text = configuration[GatewaySettings.WebhookPublicUrlKey];
        if (!string.IsNullOrWhiteSpace(text))
        {
            if (!Uri.TryCreate(text, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp) || url.Query.Length > 0 || url.Fragment.Length > 0)
            {
                problems.Add($"{GatewaySettings.WebhookPublicUrlKey} '{text}' is not the intake's absolute address without query: give e.g. https://gateway.example{GatewaySettings.WebhookPath} (the trigger is appended).");
                return null;
            }

            return url;
        }

        if (!embeddedSandbox || endpoints.Count == 0)
        {
            return null;
        }

        // The embedded sandbox runs on this machine: it calls the first webhook endpoint directly.
        var endpoint = endpoints[0];
        if (endpoint.Port == 0)
        {
            problems.Add($"{GatewaySettings.WebhookUrlsKey} has port 0: the embedded sandbox's webhook templates need a fixed port (e.g. {GatewaySettings.DefaultWebhookUrl}), or set {GatewaySettings.WebhookPublicUrlKey}.");
            return null;
        }

        var host = endpoint.Address.Equals(IPAddress.Any) || endpoint.Address.Equals(IPAddress.IPv6Any) ? IPAddress.Loopback : endpoint.Address;
        return new UriBuilder(Uri.UriSchemeHttp, host.ToString(), endpoint.Port, GatewaySettings.WebhookPath).Uri;
    }
}
