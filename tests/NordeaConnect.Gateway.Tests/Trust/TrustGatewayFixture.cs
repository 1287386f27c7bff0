using System.Collections.Concurrent;
using System.Net.Http;
using System.Security.Cryptography.X509Certificates;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using NordeaConnect.Contracts;
using NordeaConnect.Gateway.Hosting;

namespace NordeaConnect.Gateway.Tests.Trust;

/// <summary>
/// The gateway as the main command composes it, with trust turned on: gRPC and the webhook intake share one TLS port
/// (https://127.0.0.1:P, ALPN) with a server certificate from a CA made for this run, JWTs from an identity provider
/// made for this run (RSA public key in a PEM file, and a shared key), and static tokens beside them. Every log line,
/// at every level, is kept for the secret scan.
/// </summary>
public sealed class TrustGatewayFixture : IAsyncLifetime
{
    public const string Refunder = "trust-token-refunder-00000001";
    public const string Reader = "trust-token-reader-000000001";
    public const string Auditor = "trust-token-auditor-00000001";

    private WebApplication? _app;
    private UpstreamConnection? _upstream;
    private HttpClientHandler? _handler;

    internal TestCertificates Certificates { get; } = TestCertificates.Create("gateway");

    internal TestJwts Jwts { get; private set; } = null!;

    /// <summary>127.0.0.1:P, the one TLS port.</summary>
    public string Target { get; private set; } = string.Empty;

    public Uri Address { get; private set; } = null!;

    public GrpcChannel Channel { get; private set; } = null!;

    public ConcurrentQueue<string> Logs { get; } = new();

    public string CaPath => Certificates.AuthorityPath;

    public TransactionsClient Transactions => new(Channel);

    public Grains.V1.Audit.AuditClient Audit => new(Channel);

    public static Metadata As(string token, string? idempotencyKey = null) => GatewayHeaders.For(token, idempotencyKey);

    public async Task InitializeAsync()
    {
        var (certificate, key) = Certificates.Issue("gateway-server");
        Jwts = new TestJwts(Certificates.Directory);
        var port = FreePort();
        var url = "https://127.0.0.1:" + port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [GatewaySettings.UrlsKey] = url,
            [GatewaySettings.WebhookUrlsKey] = url,
            [GatewaySettings.WebhookRegisterKey] = "false",
            ["Kestrel:Certificates:Default:Path"] = certificate,
            ["Kestrel:Certificates:Default:KeyPath"] = key,
            ["Gateway:Tokens:0:Name"] = "refunder",
            ["Gateway:Tokens:0:Token"] = Refunder,
            ["Gateway:Tokens:0:Scopes"] = "read write refund",
            ["Gateway:Tokens:1:Name"] = "reader",
            ["Gateway:Tokens:1:Token"] = Reader,
            ["Gateway:Tokens:1:Scopes"] = "read",
            ["Gateway:Tokens:2:Name"] = "auditor",
            ["Gateway:Tokens:2:Token"] = Auditor,
            ["Gateway:Tokens:2:Scopes"] = "admin",
            ["Authentication:Schemes:Bearer:ValidIssuer"] = TestJwts.Issuer,
            ["Authentication:Schemes:Bearer:ValidIssuers:0"] = TestJwts.SharedKeyIssuer,
            ["Authentication:Schemes:Bearer:ValidAudience"] = TestJwts.Audience,
            ["Authentication:Schemes:Bearer:PublicKeys:0:Path"] = Jwts.PublicKeyPath,
            ["Authentication:Schemes:Bearer:SigningKeys:0:Issuer"] = TestJwts.SharedKeyIssuer,
            ["Authentication:Schemes:Bearer:SigningKeys:0:Value"] = Convert.ToBase64String(Jwts.SharedKey),
        }).Build();
        var settings = GatewaySettings.Read(configuration);
        _upstream = await UpstreamConnection.StartAsync(settings);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration.AddConfiguration(configuration);
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Debug);
        builder.Logging.AddProvider(new KeepingLoggerProvider(Logs));
        builder.WebHost.ListenForGrpc(settings);
        builder.WebHost.ListenForWebhooks(settings);
        builder.Services.AddNordeaConnectUpstream(_upstream);
        builder.Configuration.AddInMemoryCollection([new(GatewayOrleansSettings.SiloPortKey, "0"), new(GatewayOrleansSettings.GatewayPortKey, "0")]);
        builder.UseGatewayOrleans(settings);
        builder.Services.AddGatewayNotifications(settings);
        builder.Services.AddGatewayFacade(settings.Tokens, settings.Jwt);
        _app = builder.Build();
        _app.MapGatewayFacade();
        _app.MapGatewayWebhookIntake();
        await _app.StartAsync();
        Target = "127.0.0.1:" + port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Address = new Uri(url);
        Channel = GrpcChannel.ForAddress(Address, new GrpcChannelOptions { HttpHandler = _handler = TrustingHandler() });
    }

    /// <summary>An HttpClientHandler that trusts this run's CA only (not the machine's store).</summary>
    public HttpClientHandler TrustingHandler()
    {
        var authority = X509CertificateLoader.LoadCertificateFromFile(CaPath);
        return new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (_, certificate, _, errors) =>
            {
                if (certificate is null || (errors & ~System.Net.Security.SslPolicyErrors.RemoteCertificateChainErrors) != 0)
                {
                    return false;
                }

                using var chain = new X509Chain();
                chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
                chain.ChainPolicy.CustomTrustStore.Add(authority);
                chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
                return chain.Build(certificate);
            },
        };
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async Task DisposeAsync()
    {
        Channel?.Dispose();
        _handler?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        if (_upstream is not null)
        {
            await _upstream.DisposeAsync();
        }

        Jwts?.Dispose();
        Certificates.Dispose();
    }

    private sealed class KeepingLoggerProvider(ConcurrentQueue<string> lines) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new KeepingLogger(lines, categoryName);

        public void Dispose()
        {
        }

        private sealed class KeepingLogger(ConcurrentQueue<string> lines, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                var fields = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(' ', pairs.Select(p => p.Key + "=" + p.Value)) : string.Empty;
                lines.Enqueue($"{logLevel} {category} [{eventId.Name}] {formatter(state, exception)} {fields} {exception}");
            }
        }
    }
}

[CollectionDefinition(Name)]
public sealed class TrustGatewayCollection : ICollectionFixture<TrustGatewayFixture>
{
    public const string Name = "trust-gateway";
}
