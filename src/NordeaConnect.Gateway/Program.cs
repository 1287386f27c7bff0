using NordeaConnect.Gateway.Hosting;
using NordeaConnect.Gateway.Observability;

var builder = WebApplication.CreateBuilder(args);
builder.Configuration.AddGatewaySecretFiles();
if (!GatewayStartup.TryReadSettings(builder.Configuration, Console.Error, out var settings))
{
    return GatewayStartup.ConfigurationErrorExitCode;
}

await using var upstream = await UpstreamConnection.StartAsync(settings);
builder.WebHost.ListenForGrpc(settings);
builder.WebHost.ListenForWebhooks(settings);
builder.WebHost.ListenForObservability(builder.Configuration);
builder.Services.AddNordeaConnectUpstream(upstream);
builder.UseGatewayOrleans(settings);
builder.AddGatewayDashboard();
builder.Services.AddGatewayNotifications(settings);
builder.Services.AddGatewayFacade(settings.Tokens, settings.Jwt);
builder.AddGatewayObservability(settings);

var app = builder.Build();
app.MapGatewayFacade();
app.MapGatewayWebhookIntake();
app.MapGatewayObservability();
app.MapGatewayDashboard(settings);
app.Lifetime.ApplicationStarted.Register(() => GatewayBanner.Print(Console.Out, settings, upstream));
return await GatewayStartup.RunAsync(app, settings, Console.Error);
