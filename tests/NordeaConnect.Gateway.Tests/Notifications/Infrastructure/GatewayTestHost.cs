using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NordeaConnect.Client;
using NordeaConnect.Gateway.Changes;
using NordeaConnect.Gateway.Notifications;
using NordeaConnect.Gateway.Notifications.Feed;
using NordeaConnect.Gateway.Notifications.Outbox;
using NordeaConnect.Gateway.Webhooks;
using NordeaConnect.Grains;
using Microsoft.Extensions.Hosting;
using NordeaConnect.Sandbox.Hosting;

namespace NordeaConnect.Gateway.Tests.Notifications.Infrastructure;

/// <summary>
/// The gateway's notification side as a host wires it, built in the test: grains over the REST client to the sandbox
/// (real HTTP), the grains' change announcements, the outbox (memory or PostgreSQL), and the webhook intake on Kestrel at
/// 127.0.0.1 (HTTP/1.1, as upstream calls it). Fast retry and poll settings so tests do not wait on defaults.
/// </summary>
internal sealed class GatewayTestHost : IAsyncDisposable
{
    public const string IntakePath = "/webhooks/nordeaconnect";

    private readonly WebApplication _app;

    private GatewayTestHost(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
        Http = new HttpClient { BaseAddress = baseAddress };
    }

    public Uri BaseAddress { get; }

    /// <summary>The intake's base URL (append the trigger).</summary>
    public Uri IntakeUrl => new(BaseAddress, IntakePath);

    public HttpClient Http { get; }

    public IServiceProvider Services => _app.Services;

    public INotificationOutbox Outbox => Services.GetRequiredService<INotificationOutbox>();

    public OutboxWatcher Watcher => Services.GetRequiredService<OutboxWatcher>();

    public IGrainFactory Grains => Services.GetRequiredService<IGrainFactory>();

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static async Task<GatewayTestHost> StartAsync(
        RunningSandbox sandbox,
        TestPostgres? postgres = null,
        Action<NotificationOptions>? notifications = null,
        Action<WebhookIntakeOptions>? intake = null,
        int? port = null,
        Action<IServiceCollection>? replace = null)
    {
        var listenPort = port ?? FreePort();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, listenPort));
        var services = builder.Services;
        services.AddNordeaConnectClient(options =>
        {
            options.BaseAddress = sandbox.BaseAddress;
            options.MerchantId = sandbox.Merchant.Id;
            options.ApiPassword = sandbox.Merchant.Password;
            options.HashSecret = sandbox.Merchant.HashSecret;
            options.AllowInsecureHttp = true;
            // Generous: a test machine shared with other builds can stall a loopback answer for seconds.
            options.AttemptTimeout = TimeSpan.FromSeconds(15);
            options.TotalTimeout = TimeSpan.FromSeconds(40);
            options.RetryBaseDelay = TimeSpan.FromMilliseconds(10);
            options.RetryMaxDelay = TimeSpan.FromMilliseconds(50);
        });
        var grainStorage = postgres is null ? null : await GrainStorageAsync(postgres);
        builder.UseOrleans(silo =>
        {
            // A node of its own on free ports; with PostgreSQL its state is found again by a host started on the same schema.
            silo.UseLocalhostClustering(FreePort(), FreePort(), serviceId: postgres?.GrainSchema ?? "gateway-test-host");
            silo.AddPaymentGrains();
            if (grainStorage is null)
            {
                silo.UsePaymentGrainsMemoryStorage();
            }
            else
            {
                silo.UsePaymentGrainsPostgresStorage(grainStorage);
            }
        });

        services.AddGrainChangeAnnouncements();
        services.AddNotificationOutbox(options =>
        {
            options.PollInterval = TimeSpan.FromMilliseconds(100);
            options.RetryBaseDelay = TimeSpan.FromMilliseconds(50);
            options.RetryMaxDelay = TimeSpan.FromMilliseconds(400);
            options.AttemptTimeout = TimeSpan.FromSeconds(5);
            if (postgres is not null)
            {
                options.PostgresConnectionString = TestPostgres.ConnectionString;
                options.PostgresSchema = postgres.NotificationSchema;
            }

            notifications?.Invoke(options);
        });
        services.AddWebhookIntake(options =>
        {
            options.PollInterval = TimeSpan.FromMilliseconds(100);
            options.RetryBaseDelay = TimeSpan.FromMilliseconds(100);
            options.PublicUrl = new Uri("http://127.0.0.1:" + listenPort.ToString(System.Globalization.CultureInfo.InvariantCulture) + IntakePath);
            intake?.Invoke(options);
        });

        replace?.Invoke(services);
        var app = builder.Build();
        app.MapWebhookIntake(IntakePath);
        await app.StartAsync();
        return new GatewayTestHost(app, new Uri("http://127.0.0.1:" + listenPort.ToString(System.Globalization.CultureInfo.InvariantCulture) + "/"));
    }

    /// <summary>The test database with the grains' schema created and leading the search path, where the Orleans tables go.</summary>
    private static async Task<string> GrainStorageAsync(TestPostgres postgres)
    {
        await using var dataSource = Npgsql.NpgsqlDataSource.Create(TestPostgres.ConnectionString);
        await using var command = dataSource.CreateCommand("create schema if not exists \"" + postgres.GrainSchema + "\"");
        await command.ExecuteNonQueryAsync();
        return new Npgsql.NpgsqlConnectionStringBuilder(TestPostgres.ConnectionString) { SearchPath = postgres.GrainSchema }.ConnectionString;
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
