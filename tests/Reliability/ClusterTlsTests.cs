using Npgsql;
using NordeaConnect.Gateway.Tests.Trust;
using NordeaConnect.Reliability.Tests.Infrastructure;
using Orleans.Runtime;

namespace NordeaConnect.Reliability.Tests;

/// <summary>
/// Gateway processes with silo mutual TLS (<c>Orleans:Tls:*</c>), on a database and sandbox of their own so the
/// suite's shared cluster is not touched: two nodes with certificates from the cluster's CA form one cluster; a third
/// node whose certificate another CA issued (though it trusts the cluster's CA) never becomes Active while the two
/// keep serving. Everything the processes logged and the tables hold is scanned for the private keys and tokens.
/// </summary>
public sealed class ClusterTlsTests : IAsyncLifetime
{
    private readonly TestCertificates _cluster = TestCertificates.Create("rel-cluster");
    private readonly TestCertificates _stranger = TestCertificates.Create("rel-stranger");
    private TestDatabase? _database;
    private SandboxProcess? _sandbox;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _sandbox = await SandboxProcess.StartAsync();
    }

    [Fact]
    public async Task Two_nodes_with_the_clusters_certificates_form_one_cluster_and_a_node_with_another_cas_certificate_never_becomes_active()
    {
        var database = _database!;
        var sandbox = _sandbox!;
        await using var first = await GatewayProcess.StartAsync("gateway-tls-a", sandbox, database.ConnectionString, Tls(_cluster, "node-a"));
        await using var second = await GatewayProcess.StartAsync("gateway-tls-b", sandbox, database.ConnectionString, Tls(_cluster, "node-b"));

        var active = await WaitForActiveAsync(database, count: 2, TimeSpan.FromSeconds(60));
        Assert.Equal(new[] { first.SiloPort, second.SiloPort }.Order(), active.Order());

        // One cluster: the grain of a payment made through the first node answers a refund through the second.
        var paid = await Payments.CreateAsync(first.Channel, "100.00");
        var refund = await Payments.SettleAsync(() => Payments.RefundAsync(second.Channel, paid, "10.00", Guid.NewGuid().ToString()));
        Assert.Equal(OutcomeKind.Succeeded, refund.Kind);
        Assert.Equal([refund.RefundId!.Value], (await sandbox.RefundsOfAsync(paid)).Select(r => r.Id));

        await using var stranger = await GatewayProcess.StartAsync("gateway-tls-stranger", sandbox, database.ConnectionString, Tls(_stranger, "node-c", trusting: _cluster), waitUntilListening: false);
        var seen = await WatchAsync(database, stranger, TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(60));
        Assert.True(seen.Count > 0, "the stranger never wrote itself into the membership table, so it was not refused by the cluster:\n" + stranger.Output);
        Assert.DoesNotContain((int)SiloStatus.Active, seen);
        // Refused by the members' TLS check itself (Orleans.Connections.Security logs it at Warning), not by chance.
        Assert.Contains("remote certificate was rejected", first.Output + second.Output, StringComparison.Ordinal);
        Assert.Equal(new[] { first.SiloPort, second.SiloPort }.Order(), (await ActiveSiloPortsAsync(database)).Order());

        // The two keep serving while the stranger knocks.
        var afterRefund = await Payments.SettleAsync(() => Payments.RefundAsync(first.Channel, paid, "10.00", Guid.NewGuid().ToString()));
        Assert.Equal(OutcomeKind.Succeeded, afterRefund.Kind);
        Assert.Equal(2, (await sandbox.RefundsOfAsync(paid)).Count);

        var secrets = _cluster.PrivateKeyTexts().Concat(_stranger.PrivateKeyTexts()).Select(k => ("certificate private key", k))
            .Append(("access token", GatewayProcess.AllScopes))
            .Append(("access token", GatewayProcess.ReadOnly))
            .ToArray();
        var outputs = new[] { (first.Name, first.Output), (second.Name, second.Output), (stranger.Name, stranger.Output), ("sandbox", sandbox.Output) };
        var stored = await database.DumpAsync();
        var findings = SecretScan.Find(outputs, stored).ToList();
        foreach (var (name, text) in outputs.Append(("PostgreSQL tables", stored)))
        {
            findings.AddRange(secrets.Where(s => text.Contains(s.Item2, StringComparison.Ordinal)).Select(s => name + ": " + s.Item1));
        }

        Assert.Null(SecretScan.Describe(findings));
    }

    private static Dictionary<string, string> Tls(TestCertificates issuer, string node, TestCertificates? trusting = null)
    {
        var (certificate, key) = issuer.Issue(node);
        return new Dictionary<string, string>
        {
            ["Orleans__Tls__Certificate__Path"] = certificate,
            ["Orleans__Tls__Certificate__KeyPath"] = key,
            ["Orleans__Tls__CertificateAuthority__Path"] = (trusting ?? issuer).AuthorityPath,
        };
    }

    /// <summary>Bounded: waits until <paramref name="count"/> silos are Active, and returns their silo ports.</summary>
    private static async Task<IReadOnlyList<int>> WaitForActiveAsync(TestDatabase database, int count, TimeSpan bound)
    {
        var deadline = DateTime.UtcNow + bound;
        IReadOnlyList<int> active = [];
        while (DateTime.UtcNow < deadline)
        {
            active = await ActiveSiloPortsAsync(database);
            if (active.Count >= count)
            {
                return active;
            }

            await Task.Delay(250);
        }

        return active;
    }

    /// <summary>
    /// Every membership status the stranger's row (its silo port) had, from the row's first appearance for
    /// <paramref name="window"/> (bounded by <paramref name="bound"/> overall), or until the stranger gave up and exited.
    /// </summary>
    private static async Task<HashSet<int>> WatchAsync(TestDatabase database, GatewayProcess stranger, TimeSpan window, TimeSpan bound)
    {
        var seen = new HashSet<int>();
        var deadline = DateTime.UtcNow + bound;
        DateTime? windowEnd = null;
        while (DateTime.UtcNow < deadline && (windowEnd is null || DateTime.UtcNow < windowEnd))
        {
            var statuses = await StatusesOfAsync(database, stranger.SiloPort);
            seen.UnionWith(statuses);
            if (statuses.Count > 0)
            {
                windowEnd ??= DateTime.UtcNow + window;
            }

            if (stranger.HasExited)
            {
                seen.UnionWith(await StatusesOfAsync(database, stranger.SiloPort));
                break;
            }

            await Task.Delay(250);
        }

        return seen;
    }

    private static async Task<IReadOnlyList<int>> ActiveSiloPortsAsync(TestDatabase database)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var select = new NpgsqlCommand("SELECT port FROM orleansmembershiptable WHERE status = @active", connection);
        select.Parameters.AddWithValue("active", (int)SiloStatus.Active);
        var ports = new List<int>();
        await using var reader = await select.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            ports.Add(reader.GetInt32(0));
        }

        return ports;
    }

    private static async Task<IReadOnlyList<int>> StatusesOfAsync(TestDatabase database, int siloPort)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var select = new NpgsqlCommand("SELECT status FROM orleansmembershiptable WHERE port = @port", connection);
        select.Parameters.AddWithValue("port", siloPort);
        var statuses = new List<int>();
        await using var reader = await select.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            statuses.Add(reader.GetInt32(0));
        }

        return statuses;
    }

    public async Task DisposeAsync()
    {
        if (_sandbox is not null)
        {
            await _sandbox.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }

        _cluster.Dispose();
        _stranger.Dispose();
    }
}
