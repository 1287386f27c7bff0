using NordeaConnect.Reliability.Tests.Infrastructure;

namespace NordeaConnect.Reliability.Tests;

[Collection(ReliabilityCollection.Name)]
public sealed class PostgresRestartTests(ReliabilityEnvironment environment)
{
    [Fact]
    public async Task PostgreSQL_restarted_mid_run_the_gateway_recovers_without_a_restart_of_its_own()
    {
        await using var postgres = await PrivatePostgres.StartAsync();
        await using var gateway = await GatewayProcess.StartAsync("gateway-pg-restart", environment.Sandbox, postgres.ConnectionString);
        var paid = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Payments.CreateAsync(gateway.Channel, "100.00")));
        var operations = paid.SelectMany(id => Enumerable.Range(0, 8).Select(_ => (Id: id, Key: Guid.NewGuid().ToString()))).ToArray();

        // Refunds trickle in while the database restarts under them; callers retry in-doubt ones with the same key.
        var running = operations.Select(async (op, i) =>
        {
            await Task.Delay(i * 40);
            return await Payments.SettleAsync(() => Payments.RefundAsync(gateway.Channel, op.Id, "10.00", op.Key), attempts: 40);
        }).ToArray();
        await Task.Delay(operations.Length * 40 / 3);
        await postgres.RestartAsync();
        var outcomes = await Task.WhenAll(running);

        // Work after the restart goes through the same process.
        var after = await Payments.CreateAsync(gateway.Channel, "20.00");
        var afterRefund = await Payments.SettleAsync(() => Payments.RefundAsync(gateway.Channel, after, "20.00", Guid.NewGuid().ToString()));

        Assert.All(outcomes, o => Assert.Equal(OutcomeKind.Succeeded, o.Kind));
        Assert.Equal(OutcomeKind.Succeeded, afterRefund.Kind);
        foreach (var id in paid)
        {
            var ledger = await environment.Sandbox.RefundsOfAsync(id);
            var reported = operations.Select((op, i) => (op.Id, Outcome: outcomes[i])).Where(x => x.Id == id).Select(x => x.Outcome.RefundId!.Value);
            Assert.Equal(8, ledger.Count);
            Assert.Equal(ledger.Select(r => r.Id).Order(), reported.Order());
        }
    }
}
