using NordeaConnect.Reliability.Tests.Infrastructure;

namespace NordeaConnect.Reliability.Tests;

[Collection(ReliabilityCollection.Name)]
public sealed class FaultInjectionTests(ReliabilityEnvironment environment)
{
    [Fact]
    public async Task Under_20_percent_upstream_faults_every_refund_completes_once_or_ends_in_doubt_and_is_settled_later()
    {
        var gateway = environment.Gateway;
        var paid = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Payments.CreateAsync(gateway.Channel, "100.00")));
        var operations = paid.SelectMany(id => Enumerable.Range(0, 5).Select(_ => (Id: id, Key: Guid.NewGuid().ToString()))).ToArray();

        // About one refund in five meets a fault: a 5xx, a dropped connection, a hang past the client's timeout, or
        // a refund booked upstream whose answer is lost. Rules draw in turn, so 5.43% each is 1 - 0.9457^4 = 20% in all.
        foreach (var (fault, index) in new[] { "status", "drop", "hang", "apply_then_drop" }.Select((f, i) => (f, i)))
        {
            var rule = new Dictionary<string, object> { ["method"] = "POST", ["path"] = "/v1/refunds", ["fault"] = fault, ["probability"] = 0.0543, ["seed"] = 1000 + index };
            if (fault == "status")
            {
                rule["status"] = 503;
            }
            else if (fault == "hang")
            {
                // Longer than the client's 10 s attempt timeout, so the gateway gives up and reports 900.x.
                rule["hang_ms"] = 12_000;
            }

            await environment.Sandbox.AddFaultAsync(rule);
        }

        OperationOutcome[] first;
        try
        {
            first = await Task.WhenAll(operations.Select(op => Payments.RefundAsync(gateway.Channel, op.Id, "15.00", op.Key)));
        }
        finally
        {
            await environment.Sandbox.ClearFaultsAsync();
        }

        // Every first answer is a success or a 900.x (nothing else may come of a fault), and retries settle the doubt.
        Assert.All(first, o => Assert.True(o.Kind == OutcomeKind.Succeeded || o.Code.StartsWith("900.", StringComparison.Ordinal), o.Kind + " " + o.Code));
        Assert.Contains(first, o => o.Kind == OutcomeKind.InDoubt);
        var final = await Task.WhenAll(operations.Select((op, i) => first[i].Kind == OutcomeKind.Succeeded
            ? Task.FromResult(first[i])
            : Payments.SettleAsync(() => Payments.RefundAsync(gateway.Channel, op.Id, "15.00", op.Key))));

        Assert.All(final, o => Assert.Equal(OutcomeKind.Succeeded, o.Kind));
        foreach (var id in paid)
        {
            var ledger = await environment.Sandbox.RefundsOfAsync(id);
            var reported = operations.Select((op, i) => (op.Id, final[i])).Where(x => x.Id == id).Select(x => x.Item2.RefundId!.Value);
            Assert.Equal(5, ledger.Count);
            Assert.Equal(75.00m, ledger.Sum(r => r.Amount));
            Assert.Equal(ledger.Select(r => r.Id).Order(), reported.Order());
        }
    }
}
