using NordeaConnect.Gateway.Hosting;

var builder = WebApplication.CreateBuilder(args);
if (!GatewayStartup.TryReadSettings(builder.Configuration, Console.Error, out var settings))
{
    return GatewayStartup.ConfigurationErrorExitCode;
}

await using var upstream = await UpstreamConnection.StartAsync(settings);
builder.WebHost.ListenForGrpc(settings);
builder.WebHost.ListenForWebhooks(settings);
builder.Services.AddNordeaConnectUpstream(upstream);
builder.Services.AddGatewayGrains(settings);
builder.Services.AddGatewayNotifications(settings);
builder.Services.AddGatewayFacade(settings.Tokens);

var app = builder.Build();
app.MapGatewayFacade();
app.MapGatewayWebhookIntake();
app.Lifetime.ApplicationStarted.Register(() => GatewayBanner.Print(Console.Out, settings, upstream));
return await GatewayStartup.RunAsync(app, settings, Console.Error);
