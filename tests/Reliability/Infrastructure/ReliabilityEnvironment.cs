namespace NordeaConnect.Reliability.Tests.Infrastructure;

/// <summary>
/// Shared by the whole suite (one collection, so scenarios run one after another and can kill and restart what
/// they share): a database of its own, the sandbox process, and three gateway processes on that database forming
/// one Orleans cluster. A scenario that kills a node restarts it before it ends. When the suite ends, everything
/// the processes logged and the database holds is scanned for card data and secrets.
/// </summary>
public sealed class ReliabilityEnvironment : IAsyncLifetime
{
    private TestDatabase? _database;
    private SandboxProcess? _sandbox;
    private GatewayProcess[] _nodes = [];

    internal TestDatabase Database => _database!;

    internal SandboxProcess Sandbox => _sandbox!;

    /// <summary>The first node; scenarios that need one node use it.</summary>
    internal GatewayProcess Gateway => _nodes[0];

    /// <summary>The cluster's three nodes, each its own process with its own ports.</summary>
    internal IReadOnlyList<GatewayProcess> Nodes => _nodes;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _sandbox = await SandboxProcess.StartAsync();
        // Started together, as an orchestrator starts replicas: the schema migration must be safe when they race.
        _nodes = await Task.WhenAll(new[] { "gateway-a", "gateway-b", "gateway-c" }.Select(name => GatewayProcess.StartAsync(name, _sandbox, _database.ConnectionString)));
    }

    public async Task DisposeAsync()
    {
        string? findings = null;
        if (_database is not null)
        {
            // Last look before anything is torn down: every scenario has run by now.
            findings = SecretScan.Describe(SecretScan.Find(OutputRegistry.All(), await _database.DumpAsync()));
        }

        foreach (var node in _nodes)
        {
            await node.DisposeAsync();
        }

        if (_sandbox is not null)
        {
            await _sandbox.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }

        if (findings is not null)
        {
            throw new InvalidOperationException("Secrets or card data were logged or stored during the reliability suite:\n" + findings);
        }
    }
}

[CollectionDefinition(Name)]
public sealed class ReliabilityCollection : ICollectionFixture<ReliabilityEnvironment>
{
    public const string Name = "reliability";
}
