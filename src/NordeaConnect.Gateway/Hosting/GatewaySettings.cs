using System.Data.Common;
using System.Net;
using NordeaConnect.Gateway.Authentication;

namespace NordeaConnect.Gateway.Hosting;

/// <summary>Where the gateway keeps grain state.</summary>
public enum GatewayStorage
{
    Memory,
    Postgres,
}

/// <summary>A real Nordea Connect to call: where, and as which merchant. Secrets stay out of <see cref="ToString"/>.</summary>
public sealed record UpstreamSettings(Uri BaseAddress, string MerchantId, string ApiPassword, string HashSecret)
{
    public override string ToString() => $"UpstreamSettings {{ BaseAddress = {BaseAddress}, MerchantId = {MerchantId} }}";
}

/// <summary>
/// Everything the gateway needs to start, read and checked in one place. With no settings at all it runs locally:
/// an embedded sandbox, memory storage, 127.0.0.1:5080 and a development token generated for this run.
/// </summary>
public sealed class GatewaySettings
{
    public const string UrlsKey = "Gateway:Urls";
    public const string StorageKey = "Gateway:Storage";
    public const string PostgresKey = "ConnectionStrings:Postgres";
    public const string BaseAddressKey = "NordeaConnect:BaseAddress";
    public const string MerchantIdKey = "NordeaConnect:MerchantId";
    public const string ApiPasswordKey = "NordeaConnect:ApiPassword";
    public const string HashSecretKey = "NordeaConnect:HashSecret";
    public const string WebhookUrlsKey = "Gateway:WebhookUrls";
    public const string WebhookSecretKey = "Webhooks:SharedSecret";
    public const string WebhookPublicUrlKey = "Webhooks:PublicUrl";
    public const string WebhookRegisterKey = "Webhooks:RegisterTemplates";
    public const string DefaultUrl = "http://127.0.0.1:5080";
    public const string DefaultWebhookUrl = "http://127.0.0.1:5081";

    /// <summary>Where the webhook intake is mapped; upstream calls <c>{WebhookPath}/{trigger}</c>.</summary>
    public const string WebhookPath = "/webhooks/nordeaconnect";

    private GatewaySettings(IReadOnlyList<IPEndPoint> endpoints, UpstreamSettings? upstream, GatewayStorage storage, string? postgres, AccessTokenRegistry tokens, string? developmentToken, WebhookSettings webhooks,
        JwtAccessTokenSettings jwt, GatewayTlsSettings tls, GatewaySecrets secrets)
    {
        Jwt = jwt;
        Tls = tls;
        Secrets = secrets;
        Endpoints = endpoints;
        Webhooks = webhooks;
        Upstream = upstream;
        Storage = storage;
        PostgresConnectionString = postgres;
        Tokens = tokens;
        DevelopmentToken = developmentToken;
    }

    /// <summary>Where the gRPC façade listens (h2c).</summary>
    public IReadOnlyList<IPEndPoint> Endpoints { get; }

    /// <summary>Where Nordea Connect's webhooks arrive (HTTP/1.1), and how they are admitted and registered.</summary>
    public WebhookSettings Webhooks { get; }

    /// <summary>The real Nordea Connect, or null to embed a sandbox.</summary>
    public UpstreamSettings? Upstream { get; }

    public GatewayStorage Storage { get; }

    public string? PostgresConnectionString { get; }

    public AccessTokenRegistry Tokens { get; }

    /// <summary>The token generated for a local run without configured tokens; shown once at start-up, never logged.</summary>
    public string? DevelopmentToken { get; }

    /// <summary>JWT access tokens from the identity provider (<c>Authentication:Schemes:Bearer</c>), or <see cref="JwtAccessTokenSettings.None"/>.</summary>
    public JwtAccessTokenSettings Jwt { get; }

    /// <summary>Which listeners speak TLS, and their certificate.</summary>
    public GatewayTlsSettings Tls { get; }

    /// <summary>Which secrets are set and by which configuration source (never their values).</summary>
    public GatewaySecrets Secrets { get; }

    /// <exception cref="GatewayConfigurationException">Something is missing or wrong; the message lists every problem and its fix.</exception>
    public static GatewaySettings Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var problems = new List<string>();
        var tlsEndpoints = new List<IPEndPoint>();
        var endpoints = ReadEndpoints(UrlsKey, configuration[UrlsKey], DefaultUrl, "HTTP/2", problems, tlsEndpoints);
        var upstream = ReadUpstream(configuration, problems);
        var storage = ReadStorage(configuration, problems, out var postgres);
        var tokens = AccessTokenConfiguration.Read(configuration, problems);
        var jwt = JwtAccessTokenSettings.Read(configuration, problems);
        var webhooks = WebhookSettings.Read(configuration, embeddedSandbox: string.IsNullOrWhiteSpace(configuration[BaseAddressKey]), problems, tlsEndpoints);
        foreach (var shared in webhooks.Endpoints.Where(e => e.Port != 0 && endpoints.Contains(e) && !tlsEndpoints.Contains(e)))
        {
            problems.Add($"{WebhookUrlsKey} and {UrlsKey} both name {shared} without TLS: the webhook intake needs a port of its own (HTTP/1.1; a cleartext gRPC port speaks only HTTP/2), e.g. {DefaultWebhookUrl}, "
                + "or make both https:// (ALPN then lets HTTP/2 and HTTP/1.1 share the port).");
        }

        var tls = GatewayTlsSettings.Read(configuration, tlsEndpoints, problems);
        GatewaySecretFiles.Check(configuration, problems);
        if (!string.IsNullOrWhiteSpace(configuration[BaseAddressKey]))
        {
            GatewayTlsSettings.CheckProduction(configuration, endpoints, webhooks.Endpoints, tlsEndpoints, problems);
        }

        string? developmentToken = null;
        if (tokens.Count == 0 && !jwt.Enabled)
        {
            // Judged by the setting, not by whether the upstream settings were complete, so every problem shows at once.
            if (!string.IsNullOrWhiteSpace(configuration[BaseAddressKey]))
            {
                problems.Add($"{AccessTokenConfiguration.SectionName} is empty and {JwtAccessTokenSettings.SectionName} is not set while {BaseAddressKey} points at a real Nordea Connect: configure the identity provider or at least one token "
                    + "(Gateway__Tokens__0__Token=<secret>, Gateway__Tokens__0__Scopes=\"read write refund\"); development tokens are only generated for the embedded sandbox.");
            }
            else
            {
                developmentToken = "dev-" + Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24));
                tokens = AccessTokenConfiguration.ForDevelopmentToken(developmentToken);
            }
        }

        if (problems.Count > 0)
        {
            throw new GatewayConfigurationException(problems);
        }

        return new GatewaySettings(endpoints, upstream, storage, postgres, tokens, developmentToken, webhooks, jwt, tls, GatewaySecrets.Read(configuration, tokens, developmentToken is not null));
    }

    internal static IReadOnlyList<IPEndPoint> ReadEndpoints(string key, string? urls, string defaultUrl, string protocol, List<string> problems, ICollection<IPEndPoint>? tls = null)
    {
        var endpoints = new List<IPEndPoint>();
        foreach (var text in (string.IsNullOrWhiteSpace(urls) ? defaultUrl : urls).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Uri.TryCreate(text, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps) || url.AbsolutePath != "/"
                || url.IsDefaultPort && !text.EndsWith(url.Scheme == Uri.UriSchemeHttp ? ":80" : ":443", StringComparison.Ordinal))
            {
                problems.Add($"{key} '{text}' is not an address the gateway can listen on: give http://<ip>:<port>, e.g. {defaultUrl} ({protocol}), or https://<ip>:<port> with a certificate in {GatewayTlsSettings.DefaultCertificateKey}; several separated by ';'.");
                continue;
            }

            var host = url.Host == "localhost" ? IPAddress.Loopback.ToString() : url.Host.Trim('[', ']');
            if (!IPAddress.TryParse(host, out var address))
            {
                problems.Add($"{key} '{text}' names host '{url.Host}': give an IP address (127.0.0.1 for this machine only, or the interface to serve on).");
                continue;
            }

            var endpoint = new IPEndPoint(address, url.Port);
            endpoints.Add(endpoint);
            if (url.Scheme == Uri.UriSchemeHttps)
            {
                tls?.Add(endpoint);
            }
        }

        return endpoints;
    }

    private static UpstreamSettings? ReadUpstream(IConfiguration configuration, List<string> problems)
    {
        var baseAddress = configuration[BaseAddressKey];
        var merchantId = configuration[MerchantIdKey];
        var password = configuration[ApiPasswordKey];
        var secret = configuration[HashSecretKey];
        if (string.IsNullOrWhiteSpace(baseAddress))
        {
            if (!string.IsNullOrEmpty(merchantId) || !string.IsNullOrEmpty(password) || !string.IsNullOrEmpty(secret))
            {
                problems.Add($"{MerchantIdKey}, {ApiPasswordKey} or {HashSecretKey} is set but {BaseAddressKey} is not: set {BaseAddressKey} to the Nordea Connect API address "
                    + "(e.g. https://api.nordeaconnect.example/), or remove the credentials to run against the embedded sandbox.");
            }

            return null;
        }

        var count = problems.Count;
        if (!Uri.TryCreate(baseAddress, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            problems.Add($"{BaseAddressKey} '{baseAddress}' is not an absolute https:// address, e.g. https://api.nordeaconnect.example/.");
        }

        if (string.IsNullOrWhiteSpace(merchantId))
        {
            problems.Add($"{MerchantIdKey} is missing: set it to your merchant id from the Nordea Connect portal (env NordeaConnect__MerchantId).");
        }

        if (string.IsNullOrEmpty(password))
        {
            problems.Add($"{ApiPasswordKey} is missing: set it to the merchant's API password (env NordeaConnect__ApiPassword; keep it out of files in source control).");
        }

        if (string.IsNullOrEmpty(secret))
        {
            problems.Add($"{HashSecretKey} is missing: set it to the merchant's hash secret, used to sign payments (env NordeaConnect__HashSecret).");
        }

        return problems.Count == count ? new UpstreamSettings(uri!, merchantId!, password!, secret!) : null;
    }

    private static GatewayStorage ReadStorage(IConfiguration configuration, List<string> problems, out string? postgres)
    {
        postgres = null;
        var text = configuration[StorageKey];
        if (string.IsNullOrWhiteSpace(text) || string.Equals(text, "memory", StringComparison.OrdinalIgnoreCase))
        {
            return GatewayStorage.Memory;
        }

        if (!string.Equals(text, "postgres", StringComparison.OrdinalIgnoreCase))
        {
            problems.Add($"{StorageKey} '{text}' is not a storage: use memory (one node, state lost on restart) or postgres (with {PostgresKey}).");
            return GatewayStorage.Memory;
        }

        postgres = configuration[PostgresKey];
        if (string.IsNullOrWhiteSpace(postgres))
        {
            problems.Add($"{PostgresKey} is missing while {StorageKey} is postgres: set it, e.g. ConnectionStrings__Postgres=\"Host=127.0.0.1;Username=nordeaconnect;Password=...;Database=nordeaconnect\".");
            return GatewayStorage.Postgres;
        }

        try
        {
            var builder = new DbConnectionStringBuilder { ConnectionString = postgres };
            if (!builder.ContainsKey("Host") && !builder.ContainsKey("Server"))
            {
                problems.Add($"{PostgresKey} names no Host: add Host=<server> (e.g. Host=127.0.0.1).");
            }
        }
        catch (ArgumentException)
        {
            // The text may hold a password; say what is wrong without echoing it.
            problems.Add($"{PostgresKey} is not a connection string of key=value pairs separated by ';', e.g. \"Host=127.0.0.1;Username=u;Password=p;Database=d\".");
        }

        return GatewayStorage.Postgres;
    }
}
