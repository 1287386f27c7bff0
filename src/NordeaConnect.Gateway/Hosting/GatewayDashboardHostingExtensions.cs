using System.Globalization;
using System.Net;
using Orleans.Dashboard;
using HttpResults = Microsoft.AspNetCore.Http.Results;

namespace NordeaConnect.Gateway.Hosting;

/// <summary>
/// The Orleans Dashboard (Microsoft.Orleans.Dashboard): the cluster's silos, activations and calls per grain type,
/// reminders and grain state, for operators. Off unless <see cref="EnabledKey"/> is true; served at
/// <see cref="Path"/> on the webhook intake's HTTP/1.1 listener (<see cref="GatewaySettings.WebhookUrlsKey"/>, 127.0.0.1
/// unless configured), and to loopback callers only unless <see cref="AllowRemoteKey"/> is true.
/// </summary>
public static class GatewayDashboardHostingExtensions
{
    public const string EnabledKey = "Gateway:Dashboard:Enabled";
    public const string AllowRemoteKey = "Gateway:Dashboard:AllowRemote";
    public const string Path = "/dashboard";

    /// <summary>Adds the dashboard's services to the silo when enabled. Every node of a cluster should enable it: the page asks each silo for its counters.</summary>
    /// <exception cref="GatewayConfigurationException">A setting is not true or false.</exception>
    public static IHostApplicationBuilder AddGatewayDashboard(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var dashboard = GatewayDashboardSettings.Read(builder.Configuration);
        builder.Services.AddSingleton(dashboard);
        if (dashboard.Enabled)
        {
            builder.UseOrleans(silo => silo.AddDashboard());
        }

        return builder;
    }

    /// <summary>Maps the dashboard at <see cref="Path"/> when enabled; nothing otherwise.</summary>
    public static IEndpointRouteBuilder MapGatewayDashboard(this IEndpointRouteBuilder endpoints, GatewaySettings settings)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(settings);
        var dashboard = endpoints.ServiceProvider.GetRequiredService<GatewayDashboardSettings>();
        if (!dashboard.Enabled)
        {
            return endpoints;
        }

        var group = endpoints.MapOrleansDashboard(Path);
        // Not on the public gRPC port: only the webhook listener's ports (unknown until bound when one is 0, as in-process tests run).
        if (settings.Webhooks.Endpoints.All(endpoint => endpoint.Port != 0))
        {
            group.RequireHost([.. settings.Webhooks.Endpoints.Select(endpoint => "*:" + endpoint.Port.ToString(CultureInfo.InvariantCulture))]);
        }

        if (!dashboard.AllowRemote)
        {
            // The webhook listener may face the internet for upstream's deliveries; the dashboard shows grain state, so it stays local.
            group.AddEndpointFilter(static async (context, next) =>
                context.HttpContext.Connection.RemoteIpAddress is { } caller && IPAddress.IsLoopback(caller)
                    ? await next(context)
                    : HttpResults.Text($"The dashboard answers callers on this machine only; set {AllowRemoteKey}=true (behind your own access control) to open it to others.\n", "text/plain; charset=utf-8", statusCode: StatusCodes.Status403Forbidden));
        }

        return endpoints;
    }
}

/// <summary><see cref="GatewayDashboardHostingExtensions.EnabledKey"/> and <see cref="GatewayDashboardHostingExtensions.AllowRemoteKey"/>, both false unless set.</summary>
public sealed record GatewayDashboardSettings(bool Enabled, bool AllowRemote)
{
    public static GatewayDashboardSettings Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var problems = new List<string>();
        var enabled = Flag(configuration, GatewayDashboardHostingExtensions.EnabledKey, problems);
        var allowRemote = Flag(configuration, GatewayDashboardHostingExtensions.AllowRemoteKey, problems);
        return problems.Count > 0 ? throw new GatewayConfigurationException(problems) : new GatewayDashboardSettings(enabled, allowRemote);
    }

    private static bool Flag(IConfiguration configuration, string key, List<string> problems)
    {
        var text = configuration[key];
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        if (!bool.TryParse(text, out var value))
        {
            problems.Add($"{key} '{text}' is not true or false.");
        }

        return value;
    }
}
