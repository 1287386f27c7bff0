using NordeaConnect.Reliability.Tests.Infrastructure;

namespace NordeaConnect.Reliability.Tests;

[Collection(ReliabilityCollection.Name)]
public sealed class CrashRecoveryTests(ReliabilityEnvironment environment)
{
    private const int Transactions = 24;
    private const int RefundsPerTransaction = 12;

    [Fact]
    public async Task Gateway_killed_amid_hundreds_of_refunds_and_captures_doubles_and_loses_nothing()
    {
        var gateway = environment.Gateway;
        var paid = await Task.WhenAll(Enumerable.Range(0, Transactions).Select(_ => Payments.CreateAsync(gateway.Channel, "100.00")));
        var authorized = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Payments.CreateAsync(gateway.Channel, "50.00", authorize: true)));

        // 288 refunds of 10.00 (12 per payment of 100.00: at most 10 can be booked each) and 8 captures, each with a
        // key of its own, all in flight when the process is killed.
        var operations = paid.SelectMany(id => Enumerable.Range(0, RefundsPerTransaction).Select(_ => new Planned(id, "refund", Guid.NewGuid().ToString())))
            .Concat(authorized.Select(id => new Planned(id, "capture", Guid.NewGuid().ToString())))
            .OrderBy(_ => Random.Shared.Next())
            .ToArray();
        Task<OperationOutcome> Run(Planned op) => op.Kind == "refund"
            ? Payments.RefundAsync(gateway.Channel, op.TransactionId, "10.00", op.Key)
            : Payments.CaptureAsync(gateway.Channel, op.TransactionId, "50.00", op.Key);

        var firstTry = operations.Select(Run).ToArray();
        await WhenSomeCompleteAsync(firstTry, operations.Length / 4, TimeSpan.FromSeconds(30));
        await gateway.KillAsync();
        var firstOutcomes = await Task.WhenAll(firstTry);
        await gateway.RestartAsync();

        // The callers retry what they did not hear back about, with the same keys; reconciliation settles the rest.
        var final = new OperationOutcome[operations.Length];
        await Task.WhenAll(operations.Select(async (op, i) =>
            final[i] = firstOutcomes[i].Kind == OutcomeKind.InDoubt ? await Payments.SettleAsync(() => Run(op)) : firstOutcomes[i]));

        Assert.Contains(firstOutcomes, o => o.Kind == OutcomeKind.InDoubt);
        Assert.All(final, o => Assert.NotEqual(OutcomeKind.InDoubt, o.Kind));
        foreach (var id in paid)
        {
            var ledger = await environment.Sandbox.RefundsOfAsync(id);
            var reported = operations.Select((op, i) => (op, outcome: final[i]))
                .Where(x => x.op.TransactionId == id && x.outcome.Kind == OutcomeKind.Succeeded)
                .Select(x => x.outcome.RefundId!.Value)
                .ToArray();
            Assert.Equal(10, ledger.Count);
            Assert.Equal(100.00m, ledger.Sum(r => r.Amount));
            Assert.Equal(ledger.Select(r => r.Id).Order(), reported.Order());
        }

        foreach (var (op, outcome) in operations.Zip(final).Where(x => x.First.Kind == "capture"))
        {
            Assert.Equal(OutcomeKind.Succeeded, outcome.Kind);
            var transaction = await environment.Sandbox.TransactionAsync(op.TransactionId);
            Assert.Equal("approved", transaction.GetProperty("status").GetString());
        }
    }

    private static async Task WhenSomeCompleteAsync(Task[] tasks, int count, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (tasks.Count(t => t.IsCompleted) < count && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }
    }

    private sealed record Planned(long TransactionId, string Kind, string Key);
}
