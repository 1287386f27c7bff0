using System.Globalization;

namespace NordeaConnect.Gateway.Hosting;

/// <summary>
/// What a person starting the gateway needs to see: where it listens, what it calls, the development token (printed
/// here once, to the console only; it is never logged) and one call to copy and paste.
/// </summary>
public static class GatewayBanner
{
    public static void Print(TextWriter output, GatewaySettings settings, UpstreamConnection upstream)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(upstream);
        var target = settings.Endpoints[0];
        var address = string.Create(CultureInfo.InvariantCulture, $"{(target.Address.Equals(System.Net.IPAddress.Any) ? "127.0.0.1" : target.Address.ToString())}:{target.Port}");
        var upstreamText = upstream.IsEmbeddedSandbox
            ? $"embedded sandbox at {upstream.Settings.BaseAddress} (merchant {upstream.Settings.MerchantId})"
            : $"{upstream.Settings.BaseAddress} (merchant {upstream.Settings.MerchantId})";
        output.WriteLine();
        output.WriteLine($"NordeaConnect.Grains gateway: gRPC ({(settings.Tls.Any ? "TLS where https, else HTTP/2 cleartext" : "HTTP/2 cleartext")}) on {string.Join(", ", settings.Endpoints.Select(e => Scheme(settings, e) + e))}");
        output.WriteLine($"  webhooks: HTTP/1.1 on {string.Join(", ", settings.Webhooks.Endpoints.Select(e => Scheme(settings, e) + e + GatewaySettings.WebhookPath))}");
        output.WriteLine(settings.Webhooks.RegisterTemplates && settings.Webhooks.PublicUrl is { } publicUrl
            ? $"            templates registered upstream for {publicUrl.GetLeftPart(UriPartial.Path)}/<trigger>"
            : $"            not registered upstream by the gateway (set {GatewaySettings.WebhookPublicUrlKey} to have it register them)");
        output.WriteLine($"  JSON API: HTTP/1.1 on {string.Join(", ", settings.Webhooks.Endpoints.Select(e => "http://" + e + "/v1/..."))} (every unary method; OpenAPI at {GatewayJsonApiExtensions.OpenApiPath})");
        output.WriteLine($"  upstream: {upstreamText}");
        output.WriteLine(upstream.IsEmbeddedSandbox ? $"  dashboard: {new Uri(upstream.Settings.BaseAddress, "_sandbox/")} (the sandbox's payments, webhooks, test clock and fault rules, in a browser)" : "  dashboard: none (the upstream is not the embedded sandbox)");
        output.WriteLine($"  storage:  {settings.Storage.ToString().ToLowerInvariant()}");
        output.WriteLine("  protos:   protos/nordeaconnect/grains/v1/*.proto (package nordeaconnect.grains.v1)");
        PrintTrust(output, settings);
        var token = settings.DevelopmentToken;
        if (token is not null)
        {
            output.WriteLine();
            output.WriteLine($"Development token for this run (all scopes; shown only here): {token}");
        }

        output.WriteLine();
        var json = settings.Webhooks.Endpoints[0];
        var jsonAddress = string.Create(CultureInfo.InvariantCulture, $"{(json.Address.Equals(System.Net.IPAddress.Any) ? "127.0.0.1" : json.Address.ToString())}:{json.Port}");
        output.WriteLine("Try it with curl (HTTP/JSON):");
        output.WriteLine($"  curl -s http://{jsonAddress}/v1/transactions -H 'authorization: Bearer {token ?? "<your token>"}' -H 'content-type: application/json' \\");
        output.WriteLine("    -d '{\"payment_ref\":\"order-1\",\"amount\":\"12.00\",\"currency\":\"sek\",\"test\":true,\"process\":false}'");
        output.WriteLine("or over gRPC from Node (once: npm ci --prefix tests/interop/node):");
        output.WriteLine($"  node tests/interop/gateway/call.js --target {address} --token {token ?? "<your token>"} Transactions.Create \\");
        // A prepared payment (process=false) needs no card data, so nothing card-like is ever printed: it answers with a
        // payment link (href) that the embedded sandbox's checkout completes.
        output.WriteLine("    '{\"payment_ref\":\"order-1\",\"amount\":\"12.00\",\"currency\":\"sek\",\"test\":true,\"process\":false}'");
        output.WriteLine($"  metrics and health: http://{string.Join(", http://", settings.Webhooks.Endpoints)}/metrics, /healthz/live, /healthz/ready");
        output.WriteLine();
        output.WriteLine("Ctrl-C stops the gateway.");
        output.Flush();
    }

    /// <summary>TLS, the identity provider, and which secrets are set by which source; never a value.</summary>
    public static void PrintTrust(TextWriter output, GatewaySettings settings)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(settings);
        output.WriteLine(settings.Tls.Certificate is { } certificate
            ? string.Create(CultureInfo.InvariantCulture, $"  tls:      {certificate.Subject}, expires {certificate.NotAfter:yyyy-MM-dd} (from {GatewayTlsSettings.DefaultCertificateKey})")
            : "  tls:      none on the gateway's listeners (https:// in Gateway:Urls / Gateway:WebhookUrls turns it on)");
        output.WriteLine(settings.Jwt.Enabled
            ? $"  jwt:      issuer {string.Join(", ", settings.Jwt.Issuers)}, audience {string.Join(", ", settings.Jwt.Audiences)}, keys from {(settings.Jwt.Authority is { } authority ? authority : $"{settings.Jwt.PublicKeys.Count} public key(s), {settings.Jwt.SharedKeyCount} shared key(s)")}"
            : "  jwt:      not configured (static tokens only)");
        output.WriteLine("  secrets:");
        foreach (var secret in settings.Secrets.States)
        {
            output.WriteLine($"    {secret.Setting}: {secret.State}");
        }
    }

    private static string Scheme(GatewaySettings settings, System.Net.IPEndPoint endpoint) => settings.Tls.IsTls(endpoint) ? "https://" : "http://";
}
