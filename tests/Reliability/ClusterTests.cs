using System.Globalization;
using NordeaConnect.Reliability.Tests.Infrastructure;

namespace NordeaConnect.Reliability.Tests;

/// <summary>
/// The gateway as a cluster: three processes on one PostgreSQL, calls spread over them, the sandbox's own ledger as
/// the judge. Every wait is bounded and fails naming what it waited for.
/// </summary>
[Collection(ReliabilityCollection.Name)]
public sealed class ClusterTests(ReliabilityEnvironment environment)
{
    // Far more than an answer needs; the point is that every caller gets a result code before its own deadline.
    private static readonly TimeSpan CallDeadline = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Concurrent_creates_over_three_nodes_each_answer_with_a_result_code_and_book_one_transaction_per_ref()
    {
        var nodes = environment.Nodes;
        var run = Guid.NewGuid().ToString("N")[..6];

        // 150 creates with distinct payment_refs at once, then 150 over 30 payment_refs (five callers each, on different nodes).
        var distinct = Enumerable.Range(0, 150).Select(i => "cd" + run + i.ToString("D3", CultureInfo.InvariantCulture)).ToArray();
        var distinctAnswers = await Task.WhenAll(distinct.Select((reference, i) => Payments.CreateOnceAsync(nodes[i % nodes.Count].Channel, reference, "25.00", CallDeadline)));
        var shared = Enumerable.Range(0, 30).Select(i => "cs" + run + i.ToString("D3", CultureInfo.InvariantCulture)).ToArray();
        var sharedAnswers = await Task.WhenAll(Enumerable.Range(0, 150).Select(i => Payments.CreateOnceAsync(nodes[i % nodes.Count].Channel, shared[i % shared.Length], "35.00", CallDeadline)));

        var answers = distinctAnswers.Concat(sharedAnswers).ToArray();
        var withoutCode = answers.Where(a => a.Code is null).ToArray();
        Assert.True(withoutCode.Length == 0, withoutCode.Length + " of 300 creates answered without a result code, e.g. " + string.Join("; ", withoutCode.Take(5).Select(a => a.Reference + " " + a.Failure)));

        // A caller left in doubt (900.x) repeats its request, on the next node: then it learns the one transaction of its ref.
        var final = await Task.WhenAll(answers.Select((answer, i) => answer.TransactionId is > 0 || answer.Code?.StartsWith("900.", StringComparison.Ordinal) != true
            ? Task.FromResult(answer)
            : RetryCreateAsync(nodes, i, answer.Reference, answer.Reference.StartsWith("cd", StringComparison.Ordinal) ? "25.00" : "35.00")));
        var ledger = (await environment.Sandbox.TransactionsAsync()).Where(t => t.PaymentRef.Contains(run, StringComparison.Ordinal)).ToLookup(t => t.PaymentRef);

        Assert.True(final.All(a => a.TransactionId is > 0), "not every create ended with a transaction: " + Codes(final.Where(a => a.TransactionId is not > 0).Select(a => a.Code)) + "; first answers: " + Codes(answers.Select(a => a.Code)));
        foreach (var reference in distinct.Concat(shared))
        {
            var booked = ledger[reference].Select(t => t.Id).ToArray();
            var told = final.Where(a => a.Reference == reference).Select(a => a.TransactionId!.Value).Distinct().ToArray();
            Assert.True(booked.Length == 1, $"payment_ref {reference} booked {booked.Length} transactions upstream: {string.Join(", ", booked)}");
            Assert.Equal(booked, told);
        }
    }

    /// <summary>Repeats one create (same payment_ref, same request) until it is told its transaction or a definitive refusal; bounded.</summary>
    private static async Task<CreateAnswer> RetryCreateAsync(IReadOnlyList<GatewayProcess> nodes, int caller, string reference, string amount)
    {
        CreateAnswer answer = new(reference, null, null, "not retried");
        for (var attempt = 1; attempt <= 40; attempt++)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(250 * Math.Min(attempt, 8)));
            answer = await Payments.CreateOnceAsync(nodes[(caller + attempt) % nodes.Count].Channel, reference, amount, CallDeadline);
            if (answer.TransactionId is > 0 || answer.Code?.StartsWith("900.", StringComparison.Ordinal) != true)
            {
                return answer;
            }
        }

        return answer;
    }

    [Fact]
    public async Task Five_hundred_concurrent_one_percent_refunds_over_three_nodes_book_exactly_one_hundred()
    {
        var nodes = environment.Nodes;
        var id = await Payments.CreateAsync(nodes[0].Channel, "100.00");

        // Each refund has a key of its own; a caller told "in doubt" repeats it with that key, on the next node.
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 500).Select(i =>
        {
            var key = Guid.NewGuid().ToString();
            return Payments.SettleAsync(attempt => Payments.RefundAsync(nodes[(i + attempt) % nodes.Count].Channel, id, "1.00", key), attempts: 20);
        }));
        var ledger = await environment.Sandbox.RefundsOfAsync(id);
        var succeeded = outcomes.Where(o => o.Kind == OutcomeKind.Succeeded).ToArray();

        Assert.True(outcomes.All(o => o.Kind != OutcomeKind.InDoubt), "still in doubt after retries: " + Codes(outcomes.Where(o => o.Kind == OutcomeKind.InDoubt).Select(o => o.Code)));
        Assert.Equal(100, succeeded.Length);
        Assert.Equal(100, ledger.Count);
        Assert.Equal(100.00m, ledger.Sum(r => r.Amount));
        Assert.Equal(ledger.Select(r => r.Id).Order(), succeeded.Select(o => o.RefundId!.Value).Order());
    }

    [Fact]
    public async Task A_node_added_under_load_takes_work()
    {
        var nodes = environment.Nodes;
        await using var added = await StartAddedNodeUnderLoadAsync(nodes);

        // Activations on the added node, from calls that all went to the other nodes: the cluster placed work there.
        var (met, hosts, grains) = await added.Node.Dashboard.WaitForAsync(
            (_, counts) => counts.Any(c => c.IsOn(added.Node) && c.GrainType.Contains("Transaction", StringComparison.Ordinal) && (c.Activations > 0 || c.Calls > 0)),
            TimeSpan.FromSeconds(30));

        Assert.True(added.LoadFailures.Count == 0, added.LoadFailures.Count + " creates of the load failed while the node joined: " + Codes(added.LoadFailures));
        Assert.True(met, "the added node (silo port " + added.Node.SiloPort + ") shows no transaction activations or calls; the dashboard saw hosts "
            + string.Join(", ", hosts.Select(h => h.SiloAddress + " " + h.Status)) + " and " + ClusterDashboard.Describe(grains));
    }

    [Fact]
    public async Task The_dashboard_answers_on_the_webhook_listener_and_lists_every_node()
    {
        var nodes = environment.Nodes;
        using var page = await nodes[0].Dashboard.GetAsync(string.Empty);
        var html = await page.Content.ReadAsStringAsync();

        var (met, hosts, _) = await nodes[0].Dashboard.WaitForAsync(
            (listed, _) => nodes.All(node => listed.Any(h => h.Status == "Active" && h.SiloAddress.Contains(":" + node.SiloPort.ToString(CultureInfo.InvariantCulture) + "@", StringComparison.Ordinal))),
            TimeSpan.FromSeconds(30));

        Assert.True(page.IsSuccessStatusCode, "GET " + nodes[0].Dashboard.Address + " answered " + (int)page.StatusCode);
        Assert.Contains("<html", html, StringComparison.OrdinalIgnoreCase);
        Assert.True(met, "the dashboard does not list all three nodes as active: " + string.Join(", ", hosts.Select(h => h.SiloAddress + " " + h.Status)));
    }

    private async Task<AddedNode> StartAddedNodeUnderLoadAsync(IReadOnlyList<GatewayProcess> nodes)
    {
        using var stop = new CancellationTokenSource();
        var failures = new System.Collections.Concurrent.ConcurrentBag<string>();
        var created = 0;

        // Creates, eight callers at a time, through the three existing nodes only, until the node has joined and 60 more were made.
        async Task CallerAsync(int caller)
        {
            for (var i = 0; !stop.IsCancellationRequested && i < 200; i++)
            {
                var answer = await Payments.CreateOnceAsync(nodes[(caller + i) % nodes.Count].Channel, "ad" + Guid.NewGuid().ToString("N")[..10], "15.00", CallDeadline);
                if (answer.TransactionId is > 0)
                {
                    Interlocked.Increment(ref created);
                }
                else
                {
                    failures.Add(answer.Code ?? answer.Failure ?? "no answer");
                }
            }
        }

        var load = Enumerable.Range(0, 8).Select(CallerAsync).ToArray();
        GatewayProcess added;
        try
        {
            added = await GatewayProcess.StartAsync("gateway-added", environment.Sandbox, environment.Database.ConnectionString);
        }
        catch
        {
            await stop.CancelAsync();
            await Task.WhenAll(load);
            throw;
        }

        try
        {
            var (joined, hosts, _) = await nodes[0].Dashboard.WaitForAsync((listed, _) => listed.Any(h => h.Status == "Active" && h.SiloAddress.Contains(":" + added.SiloPort.ToString(CultureInfo.InvariantCulture) + "@", StringComparison.Ordinal)), TimeSpan.FromSeconds(60));
            Assert.True(joined, "the added node never showed as active: " + string.Join(", ", hosts.Select(h => h.SiloAddress + " " + h.Status)));
            var target = Volatile.Read(ref created) + 60;
            var until = DateTime.UtcNow.AddSeconds(90);
            while (Volatile.Read(ref created) < target && DateTime.UtcNow < until && load.Any(t => !t.IsCompleted))
            {
                await Task.Delay(100);
            }
        }
        catch
        {
            await stop.CancelAsync();
            await Task.WhenAll(load);
            await added.DisposeAsync();
            throw;
        }

        await stop.CancelAsync();
        await Task.WhenAll(load);
        return new AddedNode(added, [.. failures]);
    }

    private static string Codes(IEnumerable<string?> codes) =>
        string.Join(", ", codes.GroupBy(c => c ?? "none").Select(g => g.Key + " x" + g.Count().ToString(CultureInfo.InvariantCulture)));

    /// <summary>The node added under load; leaves the cluster the way an operator takes a node out (SIGTERM).</summary>
    private sealed record AddedNode(GatewayProcess Node, IReadOnlyList<string> LoadFailures) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await Node.StopAsync();
            await Node.DisposeAsync();
        }
    }
}
