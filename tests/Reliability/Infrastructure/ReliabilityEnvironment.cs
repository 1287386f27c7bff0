namespace NordeaConnect.Reliability.Tests.Infrastructure;

/// <summary>
/// Shared by the whole suite (one collection, so scenarios run one after another and can kill and restart what
/// they share): a database of its own, the sandbox process, and a gateway process on that database. When the
/// suite ends, everything the processes logged and the database holds is scanned for card data and secrets.
/// </summary>
public sealed class ReliabilityEnvironment : IAsyncLifetime
{
    private TestDatabase? _database;
    private SandboxProcess? _sandbox;
    private GatewayProcess? _gateway;

    internal TestDatabase Database => _database!;

    internal SandboxProcess Sandbox => _sandbox!;

    internal GatewayProcess Gateway => _gateway!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _sandbox = await SandboxProcess.StartAsync();
        _gateway = await GatewayProcess.StartAsync("gateway-a", _sandbox, _database.ConnectionString);
    }

    public async Task DisposeAsync()
    {
        string? findings = null;
        if (_database is not null)
        {
            // Last look before anything is torn down: every scenario has run by now.
            findings = SecretScan.Describe(SecretScan.Find(OutputRegistry.All(), await _database.DumpAsync()));
        }

        if (_gateway is not null)
        {
            await _gateway.DisposeAsync();
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
