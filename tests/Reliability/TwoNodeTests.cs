using NordeaConnect.Reliability.Tests.Infrastructure;

namespace NordeaConnect.Reliability.Tests;

[Collection(ReliabilityCollection.Name)]
public sealed class TwoNodeTests(ReliabilityEnvironment environment)
{
    [Fact]
    public async Task Two_gateway_nodes_on_one_database_book_each_refund_once()
    {
        var nodes = new[] { environment.Nodes[0], environment.Nodes[1] };
        var paid = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => Payments.CreateAsync(nodes[i % 2].Channel, "100.00")));

        // Per payment, 14 refunds of 10.00 split over both nodes, and each key sent to both nodes at once.
        var operations = paid.SelectMany(id => Enumerable.Range(0, 14).Select(_ => (Id: id, Key: Guid.NewGuid().ToString()))).ToArray();
        var outcomes = await Task.WhenAll(operations.Select(async op =>
        {
            var both = await Task.WhenAll(nodes.Select(node => Payments.SettleAsync(() => Payments.RefundAsync(node.Channel, op.Id, "10.00", op.Key))));
            Assert.Equal(both[0].Kind, both[1].Kind);
            Assert.Equal(both[0].RefundId, both[1].RefundId);
            return both[0];
        }));

        Assert.All(outcomes, o => Assert.NotEqual(OutcomeKind.InDoubt, o.Kind));
        foreach (var id in paid)
        {
            var ledger = await environment.Sandbox.RefundsOfAsync(id);
            var reported = operations.Select((op, i) => (op.Id, Outcome: outcomes[i]))
                .Where(x => x.Id == id && x.Outcome.Kind == OutcomeKind.Succeeded)
                .Select(x => x.Outcome.RefundId!.Value);
            Assert.Equal(10, ledger.Count);
            Assert.Equal(ledger.Select(r => r.Id).Order(), reported.Order());
        }
    }
}
