using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NordeaConnect.Gateway.Hosting;
using NordeaConnect.Gateway.Tests.EndToEnd;
using NordeaConnect.Gateway.Webhooks;
using NordeaConnect.Grains.V1;

namespace NordeaConnect.Gateway.Tests.Hosting;

/// <summary>
/// A run with webhooks (shared secret set, templates registered in the embedded sandbox, which then calls the intake)
/// logs everything down to Debug, ASP.NET Core's per-request lines included, and the secret is in no line: deliveries
/// carry it in a header, never the URL. At the default level no line per request is written.
/// </summary>
public sealed class SecretsStayOutOfLogsTests
{
    private const string Secret = "whk-secret-under-test-7f3a9c1d2e";
    private const string Token = "logs-token-all-scopes-000001";

    [Fact]
    public async Task The_webhook_secret_is_in_no_log_line_of_a_run_with_webhooks()
    {
        var log = new AllLinesLoggerProvider();
        await using var gateway = await StartAsync(log, verbose: true);
        var intake = gateway.Services.GetRequiredService<IOptions<WebhookIntakeOptions>>().Value;
        Assert.Equal(intake.Triggers.Count, await gateway.Services.GetRequiredService<WebhookTemplateRegistration>().Registered.WaitAsync(TimeSpan.FromSeconds(60)));
        using var channel = GrpcChannel.ForAddress(gateway.GrpcAddress);
        var transactions = new TransactionsClient(channel);
        var customerRef = Orders.NewRef("c");
        var pending = (await transactions.CreateAsync(
            new CreateTransactionRequest { PaymentRef = Orders.NewRef("s"), Amount = "20.00", Currency = "sek", Test = true, Process = false, CustomerRef = customerRef },
            Contracts.GatewayHeaders.For(Token, idempotencyKey: null))).Transaction;
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var watch = transactions.Watch(new WatchTransactionRequest { Id = pending.Id }, Contracts.GatewayHeaders.For(Token, null), cancellationToken: cancel.Token);
        Assert.True(await watch.ResponseStream.MoveNext(cancel.Token));

        // The sandbox's payment window: the sandbox then calls the registered templates, i.e. the intake, with the secret.
        await Orders.PayInCheckoutAsync(pending.Href, customerRef, planId: null);
        Transaction changed;
        do
        {
            Assert.True(await watch.ResponseStream.MoveNext(cancel.Token));
            changed = watch.ResponseStream.Current.Transaction;
        }
        while (changed.Change.Reason != "webhook");

        // A delivery without the secret is refused; one with it in the header is admitted.
        using var http = new HttpClient { BaseAddress = gateway.WebhookAddress };
        using var refused = await http.PostAsync(new Uri(GatewaySettings.WebhookPath + "/payment", UriKind.Relative), new StringContent("{}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);

        var lines = log.Lines.ToArray();
        Assert.Contains(lines, l => l.Category == "Microsoft.AspNetCore.Hosting.Diagnostics" && l.Text.Contains(GatewaySettings.WebhookPath, StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Text.Contains(Secret, StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Text.Contains(Token, StringComparison.Ordinal));
    }

    [Fact]
    public async Task At_the_default_level_the_gateway_logs_no_line_per_request()
    {
        var log = new AllLinesLoggerProvider();
        await using var gateway = await StartAsync(log, verbose: false);
        using var channel = GrpcChannel.ForAddress(gateway.GrpcAddress);
        var transactions = new TransactionsClient(channel);
        var created = await transactions.CreateAsync(Orders.CardPayment(), Contracts.GatewayHeaders.For(Token, null));
        var before = log.Lines.Count;

        for (var i = 0; i < 5; i++)
        {
            await transactions.GetAsync(new GetTransactionRequest { Id = created.Transaction.Id }, Contracts.GatewayHeaders.For(Token, null));
        }

        using var http = new HttpClient { BaseAddress = gateway.WebhookAddress };
        http.DefaultRequestHeaders.Authorization = new("Bearer", Token);
        for (var i = 0; i < 5; i++)
        {
            using var read = await http.GetAsync(new Uri("/v1/transactions/" + created.Transaction.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        }

        var during = log.Lines.Skip(before).ToArray();
        Assert.DoesNotContain(during, l => l.Text.Contains("Transactions", StringComparison.Ordinal) || l.Text.Contains("/v1/transactions", StringComparison.Ordinal));
    }

    private static async Task<RunningGateway> StartAsync(AllLinesLoggerProvider log, bool verbose)
    {
        using var port = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        port.Start();
        var webhookUrl = "http://127.0.0.1:" + ((IPEndPoint)port.LocalEndpoint).Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        port.Stop();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([
            new("Gateway:Urls", "http://127.0.0.1:0"),
            new(GatewaySettings.WebhookUrlsKey, webhookUrl),
            new(GatewaySettings.WebhookSecretKey, Secret),
            new("Gateway:Tokens:0:Name", "all"),
            new("Gateway:Tokens:0:Token", Token),
            new("Gateway:Tokens:0:Scopes", "read write refund admin"),
        ]).Build();
        var settings = GatewaySettings.Read(configuration);
        var upstream = await UpstreamConnection.StartAsync(settings);
        var builder = WebApplication.CreateBuilder();
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(log);
        builder.WebHost.ListenForGrpc(settings);
        builder.WebHost.ListenForWebhooks(settings);
        builder.Services.AddNordeaConnectUpstream(upstream);
        builder.Configuration.AddInMemoryCollection([new(GatewayOrleansSettings.SiloPortKey, "0"), new(GatewayOrleansSettings.GatewayPortKey, "0")]);
        builder.UseGatewayOrleans(settings);
        builder.Services.AddGatewayNotifications(settings);
        builder.Services.AddGatewayFacade(settings.Tokens);
        if (verbose)
        {
            // After AddGatewayFacade, so these win over its quiet defaults: every request line is written.
            builder.Logging.SetMinimumLevel(LogLevel.Debug);
            builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Trace);
            builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Trace);
            builder.Logging.AddFilter("Microsoft.AspNetCore.Routing.EndpointMiddleware", LogLevel.Trace);
            builder.Logging.AddFilter("Grpc", LogLevel.Trace);
        }

        var app = builder.Build();
        app.MapGatewayFacade();
        app.MapGatewayWebhookIntake();
        await app.StartAsync();
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Select(a => new Uri(a)).ToArray();
        var webhook = new Uri(webhookUrl);
        return new RunningGateway(app, upstream, addresses.First(a => a.Port != webhook.Port), webhook);
    }

    private sealed class RunningGateway(WebApplication app, UpstreamConnection upstream, Uri grpcAddress, Uri webhookAddress) : IAsyncDisposable
    {
        public IServiceProvider Services => app.Services;

        public Uri GrpcAddress => grpcAddress;

        public Uri WebhookAddress => webhookAddress;

        public async ValueTask DisposeAsync()
        {
            await app.StopAsync();
            await app.DisposeAsync();
            await upstream.DisposeAsync();
        }
    }

    /// <summary>Every line at every enabled level: the message, each structured value, scopes' values and exceptions.</summary>
    private sealed class AllLinesLoggerProvider : ILoggerProvider, ISupportExternalScope
    {
        private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

        public ConcurrentQueue<(string Category, string Text)> Lines { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

        public void Dispose()
        {
        }

        private sealed class Logger(AllLinesLoggerProvider provider, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => provider._scopes.Push(state);

            public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                var text = new StringBuilder(formatter(state, exception));
                if (state is IEnumerable<KeyValuePair<string, object?>> values)
                {
                    foreach (var (key, value) in values)
                    {
                        text.Append(' ').Append(key).Append('=').Append(value);
                    }
                }

                provider._scopes.ForEachScope((scope, builder) => builder.Append(" scope=").Append(scope), text);
                text.Append(' ').Append(exception);
                provider.Lines.Enqueue((category, text.ToString()));
            }
        }
    }
}
