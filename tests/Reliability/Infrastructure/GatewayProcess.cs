using System.Globalization;
using Grpc.Net.Client;

namespace NordeaConnect.Reliability.Tests.Infrastructure;

/// <summary>
/// The gateway's main command as its own process (<c>dotnet NordeaConnect.Gateway.dll</c>), configured through the
/// environment as an operator would: the sandbox process as upstream, grain state in PostgreSQL, two tokens.
/// Restarting keeps the port, so callers' channels reconnect to the new process.
/// </summary>
internal sealed class GatewayProcess : IAsyncDisposable
{
    public const string AllScopes = "rel-token-all-scopes-000000001";
    public const string ReadOnly = "rel-token-read-only-0000000001";

    private readonly Dictionary<string, string> _environment;
    private ServiceProcess _process;

    private GatewayProcess(string name, int port, Dictionary<string, string> environment, ServiceProcess process)
    {
        Name = name;
        Port = port;
        _environment = environment;
        _process = process;
        Channel = GrpcChannel.ForAddress(new Uri("http://127.0.0.1:" + port.ToString(CultureInfo.InvariantCulture)));
        SiloPort = int.Parse(environment["Orleans__SiloPort"], CultureInfo.InvariantCulture);
        Dashboard = new ClusterDashboard(new Uri(environment["Gateway__WebhookUrls"] + "/dashboard/"));
    }

    public string Name { get; }

    public int Port { get; }

    /// <summary>The Orleans silo port: how the dashboard names this node (<c>127.0.0.1:{SiloPort}@{epoch}</c>).</summary>
    public int SiloPort { get; }

    /// <summary>The Orleans Dashboard this node serves on its webhook listener (HTTP/1.1).</summary>
    public ClusterDashboard Dashboard { get; }

    public bool HasExited => _process.HasExited;

    public GrpcChannel Channel { get; }

    /// <param name="extraEnvironment">Settings added to (or replacing) the defaults, e.g. cluster TLS.</param>
    /// <param name="waitUntilListening">False for a node expected never to come up (it is started and returned at once).</param>
    public static async Task<GatewayProcess> StartAsync(string name, SandboxProcess sandbox, string postgres, IReadOnlyDictionary<string, string>? extraEnvironment = null, bool waitUntilListening = true)
    {
        var port = FreePorts.Next();
        var environment = new Dictionary<string, string>
        {
            ["Gateway__Urls"] = "http://127.0.0.1:" + port.ToString(CultureInfo.InvariantCulture),
            // The webhook intake listens on a port of its own (default 5081): each node needs a different one.
            ["Gateway__WebhookUrls"] = "http://127.0.0.1:" + FreePorts.Next().ToString(CultureInfo.InvariantCulture),
            // Nodes on one host need Orleans ports of their own; a restart keeps them, as an operator's would.
            ["Orleans__SiloPort"] = FreePorts.Next().ToString(CultureInfo.InvariantCulture),
            ["Orleans__GatewayPort"] = FreePorts.Next().ToString(CultureInfo.InvariantCulture),
            ["Gateway__Storage"] = "postgres",
            // Four nodes and the other test assemblies share one PostgreSQL: a node gets a bounded share of its connections.
            ["ConnectionStrings__Postgres"] = postgres + ";Maximum Pool Size=40",
            ["NordeaConnect__BaseAddress"] = sandbox.BaseAddress.ToString(),
            ["NordeaConnect__MerchantId"] = SandboxProcess.MerchantId,
            ["NordeaConnect__ApiPassword"] = SandboxProcess.ApiPassword,
            ["NordeaConnect__HashSecret"] = SandboxProcess.HashSecret,
            ["Gateway__Tokens__0__Name"] = "all",
            ["Gateway__Tokens__0__Token"] = AllScopes,
            ["Gateway__Tokens__0__Scopes"] = "read write refund admin",
            ["Gateway__Tokens__1__Name"] = "reader",
            ["Gateway__Tokens__1__Token"] = ReadOnly,
            ["Gateway__Tokens__1__Scopes"] = "read",
            // Operators see the cluster: the scenarios read activations and calls per node from it.
            ["Gateway__Dashboard__Enabled"] = "true",
            // Information and up: the scan should see what an operator's logs would hold.
            ["Logging__LogLevel__Default"] = "Information",
        };
        foreach (var (key, value) in extraEnvironment ?? new Dictionary<string, string>())
        {
            environment[key] = value;
        }

        var process = waitUntilListening ? await LaunchAsync(name, port, environment) : ServiceProcess.Start(name, BuiltAssemblies.Gateway, environment);
        return new GatewayProcess(name, port, environment, process);
    }

    public string Output => _process.Output;

    public Task KillAsync() => _process.KillAsync();

    /// <summary>A graceful stop (SIGTERM): the node leaves the cluster, so the others stop routing to it at once.</summary>
    public Task StopAsync() => _process.StopAsync();

    /// <summary>Starts the process again on the same port with the same configuration (after <see cref="KillAsync"/>).</summary>
    public async Task RestartAsync()
    {
        await _process.KillAsync();
        _process = await LaunchAsync(Name + "-restarted", Port, _environment);
    }

    public async ValueTask DisposeAsync()
    {
        Channel.Dispose();
        Dashboard.Dispose();
        await _process.DisposeAsync();
    }

    private static async Task<ServiceProcess> LaunchAsync(string name, int port, Dictionary<string, string> environment)
    {
        var process = ServiceProcess.Start(name, BuiltAssemblies.Gateway, environment);
        await process.WaitForPortAsync(port, TimeSpan.FromSeconds(90));
        return process;
    }
}
