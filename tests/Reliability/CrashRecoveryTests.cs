using System.Globalization;
using System.Text.Json;
using Xunit.Abstractions;
using NordeaConnect.Reliability.Tests.Infrastructure;

namespace NordeaConnect.Reliability.Tests;

[Collection(ReliabilityCollection.Name)]
public sealed class CrashRecoveryTests(ReliabilityEnvironment environment, ITestOutputHelper output)
{
    private const int RefundsPerTransaction = 12;

    // Callers who never come back: the settle-journal reminder must resolve their doubt on a surviving node by then.
    private static readonly TimeSpan SettledWithin = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task Node_holding_the_activations_killed_amid_hundreds_of_refunds_and_captures_doubles_and_loses_nothing()
    {
        var nodes = environment.Nodes;
        // Created through one node, so that node's silo hosts (most of) their activations.
        var retried = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => Payments.CreateAsync(nodes[0].Channel, "100.00")));
        var abandoned = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => Payments.CreateAsync(nodes[0].Channel, "100.00")));
        var authorized = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Payments.CreateAsync(nodes[0].Channel, "50.00", authorize: true)));
        var victim = await NodeHoldingTheActivationsAsync(nodes);
        var survivors = nodes.Where(node => node != victim).ToArray();

        // 288 refunds of 10.00 (12 per payment of 100.00: at most 10 fit each) and 8 captures, each with a key of its
        // own, spread over all three nodes and in flight when the victim is killed.
        var operations = retried.Concat(abandoned).SelectMany(id => Enumerable.Range(0, RefundsPerTransaction).Select(_ => new Planned(id, "refund", Guid.NewGuid().ToString(), Retries: !abandoned.Contains(id))))
            .Concat(authorized.Select(id => new Planned(id, "capture", Guid.NewGuid().ToString(), Retries: true)))
            .OrderBy(_ => Random.Shared.Next())
            .ToArray();
        Task<OperationOutcome> Run(Planned op, GatewayProcess node) => op.Kind == "refund"
            ? Payments.RefundAsync(node.Channel, op.TransactionId, "10.00", op.Key)
            : Payments.CaptureAsync(node.Channel, op.TransactionId, "50.00", op.Key);

        // Upstream writes take a while (and a quarter of refunds are booked but answered late), so the kill finds
        // grains between intent and outcome: some booked upstream, unheard of by the gateway, some never sent.
        await environment.Sandbox.AddFaultAsync(new Dictionary<string, object> { ["method"] = "POST", ["path"] = "/v1/refunds", ["fault"] = "apply_then_hang", ["hang_ms"] = 2500, ["probability"] = 0.25, ["seed"] = 13 });
        await environment.Sandbox.AddFaultAsync(new Dictionary<string, object> { ["method"] = "POST", ["path"] = "/v1/refunds", ["fault"] = "latency", ["latency_ms"] = 800, ["probability"] = 1.0 });
        await environment.Sandbox.AddFaultAsync(new Dictionary<string, object> { ["method"] = "PUT", ["path"] = "/v1/transactions/*/capture", ["fault"] = "latency", ["latency_ms"] = 800, ["probability"] = 1.0 });
        // Every node's /metrics through the run: the in-doubt gauge and the reconciliations as survivors take over the victim's grains.
        var scrape = MetricsScrape.Start(nodes, TimeSpan.FromMilliseconds(500));
        var firstTry = operations.Select((op, i) => Run(op, nodes[i % nodes.Count])).ToArray();
        await WhenSomeCompleteAsync(firstTry, operations.Length / 4, TimeSpan.FromSeconds(60));
        // The survivors' count of entries found in doubt at activation, just before the kill (a counter: what it adds
        // after the kill cannot be missed between scrapes, however quickly reconciliation settles it).
        var foundBeforeKill = await Task.WhenAll(survivors.Select(node => ScrapeSumAsync(node, MetricsScrape.InDoubtAtActivation)));
        await victim.KillAsync();
        var killedAt = DateTime.UtcNow;
        var inDoubtAtKill = JournalView.AllInDoubt(JournalView.Read(await environment.Database.GrainStatesAsync()));
        await environment.Sandbox.ClearFaultsAsync();
        var firstOutcomes = await Task.WhenAll(firstTry);
        // Survivors finish their own calls within seconds; what is still in doubt since the kill was the victim's.
        await Task.Delay(TimeSpan.FromSeconds(10));
        var orphaned = inDoubtAtKill.Intersect(JournalView.AllInDoubt(JournalView.Read(await environment.Database.GrainStatesAsync()))).ToArray();

        // Callers that retry do so on a surviving node, with the same key; the others never come back.
        var final = new OperationOutcome[operations.Length];
        await Task.WhenAll(operations.Select(async (op, i) =>
            final[i] = firstOutcomes[i].Kind == OutcomeKind.InDoubt && op.Retries
                ? await Payments.SettleAsync(attempt => Run(op, survivors[(i + attempt) % survivors.Length]), attempts: 60)
                : firstOutcomes[i]));

        // Back to three nodes for the scenarios after this one, while the reminders settle the abandoned payments.
        var restart = victim.RestartAsync();
        var (settled, views) = await WaitForGatewayViewToMatchLedgerAsync(abandoned, killedAt + SettledWithin);
        var settledAfter = DateTime.UtcNow - killedAt;
        await restart;
        await scrape.DisposeAsync();
        var (gaugeDrained, gaugeAtEnd) = await InDoubtGaugeBackToZeroAsync(nodes, DateTime.UtcNow + TimeSpan.FromMinutes(1));
        var foundAfterKill = (await Task.WhenAll(survivors.Select(node => ScrapeSumAsync(node, MetricsScrape.InDoubtAtActivation))))
            .Zip(foundBeforeKill, (end, start) => end - start).Sum();

        Assert.Contains(firstOutcomes, o => o.Kind == OutcomeKind.InDoubt);
        // Twelve abandoned payments mid-call at the kill: callers left in doubt who never come back leave their doubt to
        // the cluster alone (a survivor's reminder or activation may settle it within seconds; that is success too).
        var orphanedAbandoned = orphaned.Count(key => abandoned.Any(id => key.StartsWith(id.ToString(CultureInfo.InvariantCulture) + "/", StringComparison.Ordinal)));
        var abandonedInDoubt = operations.Where((op, i) => !op.Retries && firstOutcomes[i].Kind == OutcomeKind.InDoubt).Count();
        output.WriteLine($"victim {victim.Name}; in doubt at the kill {inDoubtAtKill.Count}, still 10 s later {orphaned.Length} ({orphanedAbandoned} of abandoned callers); abandoned callers told in doubt {abandonedInDoubt}; journal matched the ledger {settledAfter.TotalSeconds:F0} s after the kill");
        // A survivor learns of the victim's doubt only when a grain reactivates on it (its reminder, or a retried call).
        // The activation puts what it found in doubt on the gauge, then reconciles: entries upstream can judge leave the
        // gauge within that one turn, so scrapes may miss the rise; the companion counter cannot. Then every node reads 0.
        var samples = scrape.Samples;
        var beforeKill = nodes.Select(node => (node.Name, Peak: samples.Where(x => x.Node == node.Name && x.At < killedAt).Max(x => x.InDoubt) ?? 0)).ToArray();
        var afterKill = survivors.Select(node => samples.Where(x => x.Node == node.Name && x.At >= killedAt && x.InDoubt is not null).ToArray())
            .Select((mine, i) => (survivors[i].Name, Scrapes: mine.Length, PeakInDoubt: mine.Max(x => x.InDoubt) ?? 0,
                ReconciledSinceKill: (mine.LastOrDefault()?.Reconciliations ?? 0) - (mine.FirstOrDefault()?.Reconciliations ?? 0)))
            .ToArray();
        var survivorsGaugePeak = samples.Where(x => x.At >= killedAt && survivors.Any(node => node.Name == x.Node))
            .GroupBy(x => (x.At - killedAt).Ticks / TimeSpan.FromMilliseconds(500).Ticks)
            .Select(round => round.Sum(x => x.InDoubt ?? 0))
            .DefaultIfEmpty(0)
            .Max();
        output.WriteLine("/metrics: in-doubt gauge peak before the kill " + string.Join(", ", beforeKill.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Name} {p.Peak}")))
            + "; survivors after the kill: " + string.Join("; ", afterKill.Select(p => string.Create(CultureInfo.InvariantCulture,
                $"{p.Name}: {p.Scrapes} scrapes, in-doubt gauge peak {p.PeakInDoubt}, reconciliations +{p.ReconciledSinceKill}")))
            + string.Create(CultureInfo.InvariantCulture, $"; survivors' gauge summed, peak seen by scrapes {survivorsGaugePeak}; entries found in doubt at activation by survivors +{foundAfterKill}")
            + "; gauge at the end (all nodes) " + string.Join(", ", gaugeAtEnd.Select(x => string.Create(CultureInfo.InvariantCulture, $"{x.Key} {x.Value}"))));
        Assert.True(foundAfterKill > 0, $"the survivors' {MetricsScrape.InDoubtAtActivation} did not rise after the kill: no survivor's activation put the victim's doubt on its in-doubt gauge");
        Assert.True(afterKill.Sum(p => p.ReconciledSinceKill) > 0, $"the survivors' {MetricsScrape.Reconciliations} did not rise after the kill");
        Assert.True(gaugeDrained, $"{MetricsScrape.InDoubt} did not return to 0 on every node once the journals matched the ledger");
        Assert.True(abandonedInDoubt > 0, $"the kill left no abandoned caller in doubt ({inDoubtAtKill.Count} entries in doubt at the kill), so settling without callers was not put to the test");
        var retriedOutcomes = operations.Zip(final).Where(x => x.First.Retries).Select(x => x.Second).ToArray();
        Assert.True(retriedOutcomes.All(o => o.Kind != OutcomeKind.InDoubt), "retried callers still in doubt: " + string.Join(", ", retriedOutcomes.Where(o => o.Kind == OutcomeKind.InDoubt).Select(o => o.Code)));
        foreach (var id in retried)
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

        // Nothing doubled for the abandoned ones either, and what their callers were told is what the ledger holds.
        foreach (var id in abandoned)
        {
            var ledger = await environment.Sandbox.RefundsOfAsync(id);
            var told = operations.Select((op, i) => (op, outcome: final[i]))
                .Where(x => x.op.TransactionId == id && x.outcome.Kind == OutcomeKind.Succeeded)
                .Select(x => x.outcome.RefundId!.Value);
            Assert.True(ledger.Count <= 10 && ledger.Sum(r => r.Amount) <= 100.00m, $"transaction {id} was refunded {ledger.Sum(r => r.Amount)} in {ledger.Count} refunds");
            Assert.Subset(ledger.Select(r => r.Id).ToHashSet(), told.ToHashSet());
        }

        Assert.True(settled, $"within {SettledWithin.TotalMinutes} minutes of the kill the gateway's journal of the abandoned payments did not match the ledger:\n" + string.Join("\n", views));
    }

    /// <summary>The node whose silo the dashboard shows holding the most transaction activations.</summary>
    private static async Task<GatewayProcess> NodeHoldingTheActivationsAsync(IReadOnlyList<GatewayProcess> nodes)
    {
        var (met, _, grains) = await nodes[1].Dashboard.WaitForAsync((_, counts) => counts.Any(c => c.IsTransactionGrain && c.Activations > 0), TimeSpan.FromSeconds(30));
        Assert.True(met, "the dashboard shows no transaction activations: " + ClusterDashboard.Describe(grains));
        return nodes.MaxBy(node => grains.Where(c => c.IsTransactionGrain && c.IsOn(node)).Sum(c => c.Activations))!;
    }

    /// <summary>
    /// Reads the gateway's own record (each transaction grain's journal, as stored in PostgreSQL) until, for every
    /// payment, nothing is left in doubt and the refunds it recorded as done are exactly those in the sandbox's
    /// ledger, or until <paramref name="until"/>. Returns the last comparison per payment for the failure message.
    /// </summary>
    private async Task<(bool Settled, IReadOnlyList<string> Views)> WaitForGatewayViewToMatchLedgerAsync(IReadOnlyCollection<long> ids, DateTime until)
    {
        while (true)
        {
            var journals = JournalView.Read(await environment.Database.GrainStatesAsync());
            var views = new List<string>();
            var settled = true;
            foreach (var id in ids)
            {
                var ledger = (await environment.Sandbox.RefundsOfAsync(id)).Select(r => r.Id).Order().ToArray();
                // No stored state: the grain never recorded a mutation, so it claims nothing.
                var journal = journals.GetValueOrDefault(id) ?? new JournalView([], []);
                settled &= journal.InDoubt == 0 && journal.DoneRefunds.Order().SequenceEqual(ledger);
                views.Add(string.Create(CultureInfo.InvariantCulture, $"transaction {id}: ledger [{string.Join(", ", ledger)}], journal done [{string.Join(", ", journal.DoneRefunds.Order())}], {journal.InDoubt} in doubt"));
            }

            if (settled || DateTime.UtcNow >= until)
            {
                return (settled, views);
            }

            await Task.Delay(2000);
        }
    }

    /// <summary>Scrapes every node's in-doubt gauge until all read 0 or <paramref name="until"/>; returns the last reading per node.</summary>
    private static async Task<(bool Drained, IReadOnlyDictionary<string, double> Last)> InDoubtGaugeBackToZeroAsync(IReadOnlyList<GatewayProcess> nodes, DateTime until)
    {
        while (true)
        {
            var last = new Dictionary<string, double>();
            foreach (var node in nodes)
            {
                last[node.Name] = await ScrapeSumAsync(node, MetricsScrape.InDoubt);
            }

            if (last.Values.All(value => value == 0) || DateTime.UtcNow >= until)
            {
                return (last.Values.All(value => value == 0), last);
            }

            await Task.Delay(1000);
        }
    }

    /// <summary>One reading of <paramref name="family"/> on <paramref name="node"/>, tried a few times: a loaded node may be slow to answer a scrape.</summary>
    private static async Task<double> ScrapeSumAsync(GatewayProcess node, string family)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await MetricsScrape.SumAsync(node, family);
            }
            catch (Exception failure) when (attempt < 5 && failure is HttpRequestException or TaskCanceledException)
            {
                await Task.Delay(1000);
            }
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

    private sealed record Planned(long TransactionId, string Kind, string Key, bool Retries);

    /// <summary>A transaction grain's journal as stored (plain JSON): refunds recorded done, and entries still in doubt.</summary>
    private sealed record JournalView(IReadOnlyList<long> DoneRefunds, IReadOnlyList<string> InDoubtKeys)
    {
        public int InDoubt => InDoubtKeys.Count;

        /// <summary>Transaction id and idempotency key of every entry in doubt.</summary>
        public static IReadOnlySet<string> AllInDoubt(IReadOnlyDictionary<long, JournalView> views) =>
            views.SelectMany(view => view.Value.InDoubtKeys.Select(key => view.Key.ToString(CultureInfo.InvariantCulture) + "/" + key)).ToHashSet();

        // JournalStatus by number, should the state hold numbers: Intent, Unknown, Done, Failed, NotDone.
        private static readonly string[] Statuses = ["Intent", "Unknown", "Done", "Failed", "NotDone"];

        public static IReadOnlyDictionary<long, JournalView> Read(IEnumerable<string> states)
        {
            var views = new Dictionary<long, JournalView>();
            foreach (var state in states)
            {
                using var document = JsonDocument.Parse(state);
                var root = document.RootElement;
                if (root.ValueKind != JsonValueKind.Object
                    || !root.TryGetProperty("entity", out var entity) || entity.ValueKind != JsonValueKind.Object
                    || !entity.TryGetProperty("id", out var id) || id.ValueKind != JsonValueKind.Number
                    || !entity.TryGetProperty("refunds", out _)
                    || !root.TryGetProperty("journal", out var journal) || !journal.TryGetProperty("entries", out var entries))
                {
                    continue;
                }

                var done = new List<long>();
                var inDoubt = new List<string>();
                foreach (var entry in entries.EnumerateArray())
                {
                    var status = entry.GetProperty("status") is { ValueKind: JsonValueKind.Number } number ? Statuses[number.GetInt32()] : entry.GetProperty("status").GetString();
                    if (status is "Intent" or "Unknown")
                    {
                        inDoubt.Add(entry.GetProperty("key").GetString() ?? string.Empty);
                    }
                    else if (status == "Done" && entry.GetProperty("operation").GetString() == "transaction.refund"
                        && entry.TryGetProperty("outcome", out var outcome) && outcome.TryGetProperty("entityId", out var refund) && refund.ValueKind == JsonValueKind.Number)
                    {
                        done.Add(refund.GetInt64());
                    }
                }

                views[id.GetInt64()] = new JournalView(done, inDoubt);
            }

            return views;
        }
    }
}
