using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace NordeaConnect.Sandbox.Hosting;

/// <summary>
/// Starts a sandbox in-process on Kestrel at 127.0.0.1, for tests of anything that talks to Nordea Connect.
/// <code>await using var sandbox = await SandboxServer.StartAsync();
/// var client = sandbox.CreateClient(); // BaseAddress and Basic auth for merchant 3</code>
/// </summary>
public static class SandboxServer
{
    public static async Task<RunningSandbox> StartAsync(SandboxOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new SandboxOptions();
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(SandboxServer).Assembly.GetName().Name,
            Args = [],
        });
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, options.Port));
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddNordeaConnectSandbox(configure: target => CopyInto(options, target));

        var app = builder.Build();
        app.MapNordeaConnectSandbox();
        await app.StartAsync(cancellationToken);

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new RunningSandbox(app, new Uri(address.TrimEnd('/') + "/"));
    }

    private static void CopyInto(SandboxOptions source, SandboxOptions target)
    {
        target.Merchants.Clear();
        target.Merchants.AddRange(source.EffectiveMerchants.Select(m => m.Copy()));
        target.Port = source.Port;
        target.ClockStart = source.ClockStart;
        target.RandomSeed = source.RandomSeed;
    }
}
