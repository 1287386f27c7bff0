using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using NordeaConnect.Gateway.Changes;
using NordeaConnect.Gateway.GrainCalls;
using NordeaConnect.Gateway.Operations;
using NordeaConnect.Gateway.Tests.Notifications.Infrastructure;
using NordeaConnect.Sandbox.Hosting;

namespace NordeaConnect.Gateway.Tests.Notifications;

/// <summary>A restarted gateway goes on numbering each entity's changes from what the PostgreSQL outbox holds.</summary>
public sealed class VersionContinuityTests : IAsyncLifetime
{
    private RunningSandbox _sandbox = null!;

    public async Task InitializeAsync() => _sandbox = await SandboxServer.StartAsync();

    public async Task DisposeAsync() => await _sandbox.DisposeAsync();

    [Fact]
    public async Task After_a_restart_reads_and_changes_continue_from_the_newest_recorded_version()
    {
        await using var database = new TestPostgres();
        long id;
        await using (var before = await GatewayTestHost.StartAsync(_sandbox, database))
        {
            (id, _) = await SandboxPayments.PendingAsync(before);
            var transactions = before.Services.GetRequiredService<ITransactionOperations>();
            await transactions.UpdateAsync(id, new TransactionUpdate { Metadata = Step("one") }, "continuity-1", CancellationToken.None);
            await transactions.UpdateAsync(id, new TransactionUpdate { Metadata = Step("two") }, "continuity-2", CancellationToken.None);
            Assert.Equal(3, (await transactions.GetAsync(id, null, CancellationToken.None)).Change.Version);
        }

        await using var after = await GatewayTestHost.StartAsync(_sandbox, database);
        var restarted = after.Services.GetRequiredService<ITransactionOperations>();

        var read = await restarted.GetAsync(id, null, CancellationToken.None);
        Assert.Equal(3, read.Change.Version);
        Assert.Equal("updated", read.Change.Reason);
        var changed = await restarted.UpdateAsync(id, new TransactionUpdate { Metadata = Step("three") }, "continuity-3", CancellationToken.None);
        Assert.Equal(4, changed.Change.Version);
        var recorded = await after.Outbox.ReadChangesAsync(EntityKey.ForTransaction(id), 0, 10, CancellationToken.None);
        Assert.Equal([1L, 2, 3, 4], recorded.Select(c => c.Version));
    }

    private static JsonElement Step(string step) => JsonDocument.Parse("{\"step\":\"" + step + "\"}").RootElement.Clone();
}
