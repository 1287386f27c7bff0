using System.Text.Json;
using NordeaConnect.Gateway.Changes;
using NordeaConnect.Grains;
using NordeaConnect.Gateway.Tests.Notifications.Infrastructure;
using NordeaConnect.Sandbox.Hosting;

namespace NordeaConnect.Gateway.Tests.Notifications;

/// <summary>A restarted gateway goes on numbering each entity's changes from the count its grain kept in PostgreSQL.</summary>
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
            var transaction = before.Grains.GetGrain<ITransactionGrain>(id);
            await transaction.UpdateAsync(new TransactionUpdateRequest { Metadata = Step("one") }, "continuity-1");
            await transaction.UpdateAsync(new TransactionUpdateRequest { Metadata = Step("two") }, "continuity-2");
            Assert.Equal(3, (await transaction.GetAsync()).Value!.Change!.Version);
        }

        await using var after = await GatewayTestHost.StartAsync(_sandbox, database);
        var restarted = after.Grains.GetGrain<ITransactionGrain>(id);

        // The count is kept in the grain's state in PostgreSQL, so it goes on where the stopped process left it.
        var read = (await restarted.GetAsync()).Value!;
        Assert.Equal(new EntityChange(3, "updated"), read.Change);
        var changed = await restarted.UpdateAsync(new TransactionUpdateRequest { Metadata = Step("three") }, "continuity-3");
        Assert.Equal(new EntityChange(4, "updated"), changed.Value!.Change);
        var recorded = await after.Outbox.ReadChangesAsync(EntityKey.ForTransaction(id), 0, 10, CancellationToken.None);
        Assert.Equal([1L, 2, 3, 4], recorded.Select(c => c.Version));
    }

    private static JsonElement Step(string step) => JsonDocument.Parse("{\"step\":\"" + step + "\"}").RootElement.Clone();
}
