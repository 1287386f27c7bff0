using System.Collections.ObjectModel;
using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NordeaConnect.Gateway.Hosting;
using NordeaConnect.Gateway.Observability;
using NordeaConnect.Gateway.Tests.EndToEnd;
using NordeaConnect.Gateway.Tests.Notifications.Infrastructure;
using Grpc.Net.Client;
using OpenTelemetry.Trace;

namespace NordeaConnect.Gateway.Tests.Observability;

/// <summary>
/// The telemetry tests run alone: OpenTelemetry's meter listener is process-wide, so other tests' hosts starting and
/// stopping beside them would put their series on (and take series off) this gateway's <c>/metrics</c>.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TelemetryCollection
{
    public const string Name = "Telemetry, alone in the process";
}

/// <summary>
/// The gateway as Program.cs composes it, grains and outbox in PostgreSQL (NC_TEST_POSTGRES), the webhook intake and
/// the observability listener on free 127.0.0.1 ports, and every finished span kept in memory.
/// </summary>
public sealed class TelemetryGatewayFixture : IAsyncLifetime
{
    private readonly SpanList _spans = new();
    private readonly int _observabilityPort = FreePort();
    private readonly int _webhookPort = FreePort();
    private WebApplication? _app;
    private UpstreamConnection? _upstream;

    public const string WebhookSecret = "otel-test-webhook-secret-0001";

    public GrpcChannel Channel { get; private set; } = null!;

    /// <summary>
    /// The notification receiver of every test here, alive as long as the gateway: ASP.NET Core's meters are
    /// process-wide to OpenTelemetry's listener, and a host stopping while the gateway serves was seen to take the
    /// gateway's own <c>http.server.request.duration</c> series off <c>/metrics</c>.
    /// </summary>
    internal NotificationReceiver Receiver { get; private set; } = null!;

    /// <summary>The observability listener: <c>/metrics</c> and <c>/healthz/*</c>.</summary>
    public HttpClient Observability { get; private set; } = null!;

    /// <summary>The webhook intake's listener.</summary>
    public Uri WebhookBase => new("http://127.0.0.1:" + _webhookPort.ToString(CultureInfo.InvariantCulture) + GatewaySettings.WebhookPath + "/");

    public IReadOnlyCollection<Activity> Spans => _spans.Snapshot();

    public async Task InitializeAsync()
    {
        var run = Guid.NewGuid().ToString("N")[..10];
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(GatewayFixture.Configuration)
            .AddInMemoryCollection([
                new(ObservabilityOptions.UrlKey, "http://127.0.0.1:" + _observabilityPort.ToString(CultureInfo.InvariantCulture)),
                new(GatewaySettings.WebhookUrlsKey, "http://127.0.0.1:" + _webhookPort.ToString(CultureInfo.InvariantCulture)),
                new(GatewaySettings.WebhookSecretKey, WebhookSecret),
                new(GatewaySettings.WebhookRegisterKey, "false"),
                new(GatewaySettings.StorageKey, "postgres"),
                new(GatewaySettings.PostgresKey, TestPostgres.ConnectionString),
                new(GatewayOrleansSettings.ClusterIdKey, "otel-" + run),
                new(GatewayOrleansSettings.ServiceIdKey, "otel-" + run),
                new(GatewayOrleansSettings.SiloPortKey, "0"),
                new(GatewayOrleansSettings.GatewayPortKey, "0"),
            ])
            .Build();
        var settings = GatewaySettings.Read(configuration);
        Receiver = await NotificationReceiver.StartAsync();
        _upstream = await UpstreamConnection.StartAsync(settings);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration.AddConfiguration(configuration);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.ListenForGrpc(settings);
        builder.WebHost.ListenForWebhooks(settings);
        builder.WebHost.ListenForObservability(configuration);
        builder.Services.AddNordeaConnectUpstream(_upstream);
        builder.UseGatewayOrleans(settings);
        builder.Services.AddGatewayNotifications(settings);
        builder.Services.AddGatewayFacade(settings.Tokens);
        builder.AddGatewayObservability(settings);
        builder.Services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(_spans));
        _app = builder.Build();
        _app.MapGatewayFacade();
        _app.MapGatewayWebhookIntake();
        _app.MapGatewayObservability();
        await _app.StartAsync();
        var grpc = _app.Urls.Select(url => new Uri(url.Replace("[::]", "127.0.0.1", StringComparison.Ordinal)))
            .First(url => url.Port != _observabilityPort && url.Port != _webhookPort);
        Channel = GrpcChannel.ForAddress(grpc);
        Observability = new HttpClient { BaseAddress = new Uri("http://127.0.0.1:" + _observabilityPort.ToString(CultureInfo.InvariantCulture)) };
    }

    /// <summary>Adds a fault rule to the embedded sandbox (<c>POST /_sandbox/faults</c>).</summary>
    public async Task AddSandboxFaultAsync(object rule)
    {
        using var http = new HttpClient { BaseAddress = _upstream!.Settings.BaseAddress };
        using var response = await System.Net.Http.Json.HttpClientJsonExtensions.PostAsJsonAsync(http, "_sandbox/faults", rule);
        Assert.True(response.IsSuccessStatusCode, "adding a fault answered " + (int)response.StatusCode + ": " + await response.Content.ReadAsStringAsync());
    }

    public async Task ClearSandboxFaultsAsync()
    {
        using var http = new HttpClient { BaseAddress = _upstream!.Settings.BaseAddress };
        using var response = await http.DeleteAsync(new Uri("_sandbox/faults", UriKind.Relative));
        Assert.True(response.IsSuccessStatusCode, "clearing faults answered " + (int)response.StatusCode);
    }

    /// <summary>Deactivates every idle grain activation, so the next call activates its grain afresh from storage (as on a node taking over after a crash).</summary>
    public Task CollectActivationsAsync() =>
        _app!.Services.GetRequiredService<Orleans.IGrainFactory>().GetGrain<Orleans.Runtime.IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);

    /// <summary>The current <c>/metrics</c> text.</summary>
    public async Task<string> ScrapeAsync()
    {
        using var response = await Observability.GetAsync(new Uri(ObservabilityEndpointRouteBuilderExtensions.MetricsPath, UriKind.Relative));
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>
    /// Delivers a webhook as upstream does, with the shared secret. The sandbox numbers entities from 1 each run and the
    /// inbox in PostgreSQL outlives runs, so the body carries a delivery id that makes each delivery a new event.
    /// </summary>
    public async Task<HttpResponseMessage> DeliverWebhookAsync(string trigger, long id)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(WebhookBase, trigger)) { Content = System.Net.Http.Json.JsonContent.Create(new { id, delivery = Guid.NewGuid().ToString("N") }) };
        request.Headers.Add(NordeaConnect.Gateway.Webhooks.WebhookIntakeOptions.TokenHeader, WebhookSecret);
        return await http.SendAsync(request);
    }

    /// <summary>Waits until a finished span satisfies <paramref name="match"/> (spans end after their answers leave).</summary>
    public async Task<Activity> SpanAsync(Func<Activity, bool> match, string what)
    {
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!patience.IsCancellationRequested)
        {
            if (_spans.Snapshot().FirstOrDefault(match) is { } span)
            {
                return span;
            }

            await Task.Delay(50, CancellationToken.None);
        }

        throw new Xunit.Sdk.XunitException("No span " + what + " among " + _spans.Snapshot().Length.ToString(CultureInfo.InvariantCulture) + ": "
            + string.Join(", ", _spans.Snapshot().Select(s => s.Source.Name + ":" + s.DisplayName).Distinct().Take(40)));
    }

    public async Task DisposeAsync()
    {
        Observability?.Dispose();
        Channel?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        if (_upstream is not null)
        {
            await _upstream.DisposeAsync();
        }

        if (Receiver is not null)
        {
            await Receiver.DisposeAsync();
        }
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The in-memory exporter's list: it adds from the exporting thread while tests read, so both lock.</summary>
    private sealed class SpanList : Collection<Activity>
    {
        public Activity[] Snapshot()
        {
            lock (Items)
            {
                return [.. Items];
            }
        }

        protected override void InsertItem(int index, Activity item)
        {
            lock (Items)
            {
                base.InsertItem(index, item);
            }
        }
    }
}
