using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using NordeaConnect.Bench.Grains;
using NordeaConnect.Grains;
using NordeaConnect.Grains.Storage;
using NordeaConnect.Primitives;
using NordeaConnect.Sandbox.Hosting;
using Orleans.Storage;

// Payment grains benchmark. Rates depend on the machine; compare the ratios, measured against a baseline in the same run.
// Run: dotnet run -c Release --project bench/NordeaConnect.Bench.Grains
//      ... -- --memory-only            only the memory per activation (no rates, no scaling), e.g. to compare branches
//      ... -- --activations 100000     how many live activations the memory figure and the largest scaling size use
//      ... -- --hold-seconds 60        keep the process up that long after seeding, for `dotnet-gcdump collect -p <pid>`
const int RoundCount = 5;
const int HotReads = 10_000;
const int Callers = 16;
var round = TimeSpan.FromSeconds(1);
var staleness = TimeSpan.FromMinutes(5);
var memoryOnly = args.Contains("--memory-only");
var activationCount = IntOption("--activations", 100_000);
var holdSeconds = IntOption("--hold-seconds", 0);
int[] entitySizes = [1, 10_000, activationCount];

int IntOption(string name, int fallback)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
}

await using var sandbox = await SandboxServer.StartAsync();
var node = await BenchNode.StartAsync(sandbox, staleness);

// Real cached state: a card payment created with metadata (authorized), then captured through its grain.
using var metadata = JsonDocument.Parse("""{"order_id":"A-104233","customer_ref":"c-7781","channel":"web","campaign":"winter-2026"}""");
var created = await node.Grains.GetGrain<ITransactionCreationGrain>("bench-hot").CreateAsync(new TransactionCreateRequest
{
    Amount = Amount.Parse("125.00"),
    Currency = CurrencyCode.Sek,
    Test = true,
    Authorize = true,
    Card = new CardDetails("4111111111111111", "123", "Bench Mark", "1230", "visa"),
    Metadata = metadata.RootElement.Clone(),
});
if (!created.Succeeded)
{
    Console.Error.WriteLine("Could not create the benchmark's transaction: " + created.Code + " " + created.Description);
    return 1;
}

var id = created.Value!.Id;
var grain = node.Grains.GetGrain<ITransactionGrain>(id);
var captured = await grain.CaptureAsync(null, idempotencyKey: "bench-capture");
if (!captured.Succeeded || captured.Value is not { Metadata: not null, Refunds: not null } cachedCopy)
{
    Console.Error.WriteLine("Could not capture the benchmark's transaction: " + captured.Code + " " + captured.Description);
    return 1;
}

double hotUpstreamCalls = 0;
(double Measured, double Baseline, double Ratio) sequential = default, concurrent = default, lockOne = default, lockMany = default;
if (!memoryOnly)
{
    // 10,000 reads of one hot transaction within the staleness bound: how many reach upstream.
    var sentBefore = node.Counter.Sent;
    await Task.WhenAll(Enumerable.Range(0, Callers).Select(_ => Task.Run(async () =>
    {
        for (var i = 0; i < HotReads / Callers; i++)
        {
            await grain.GetAsync();
        }
    })));
    hotUpstreamCalls = node.Counter.Sent - sentBefore;

    // One caller awaiting each read, then 16 callers at once: cached grain Get against the client's GET to the sandbox.
    sequential = await Rounds.MedianPairAsync(
        async n => { for (var i = 0; i < n; i++) { await grain.GetAsync(); } },
        async n => { for (var i = 0; i < n; i++) { await node.Transactions.GetAsync(id); } },
        50,
        round,
        RoundCount);
    concurrent = await Rounds.MedianPairAsync(
        n => Task.WhenAll(Enumerable.Range(0, n).Select(_ => grain.GetAsync())),
        n => Task.WhenAll(Enumerable.Range(0, n).Select(_ => node.Transactions.GetAsync(id))),
        Callers,
        round,
        RoundCount);

    // A grain call against a SemaphoreSlim-guarded call doing the same work (hand out the cached transaction): the
    // price of Orleans' one-call-at-a-time guarantee over the simplest in-process lock.
    using var guard = new SemaphoreSlim(1, 1);
    async Task<TransactionSnapshot> GuardedReadAsync()
    {
        await guard.WaitAsync();
        try
        {
            return cachedCopy;
        }
        finally
        {
            guard.Release();
        }
    }

    lockOne = await Rounds.MedianPairAsync(
        async n => { for (var i = 0; i < n; i++) { await grain.GetAsync(); } },
        async n => { for (var i = 0; i < n; i++) { await GuardedReadAsync(); } },
        200,
        round,
        RoundCount);
    lockMany = await Rounds.MedianPairAsync(
        n => Task.WhenAll(Enumerable.Range(0, n).Select(_ => Task.Run(() => grain.GetAsync()))),
        n => Task.WhenAll(Enumerable.Range(0, n).Select(_ => Task.Run(GuardedReadAsync))),
        Callers,
        round,
        RoundCount);
}

// Memory per live activation: transaction grains, each seeded with its own copy of the captured payment read back from
// the JSON the grain storage writes (its own strings, metadata and refunds list, as an activation loading its state or
// reading upstream has), not one shared object graph. Orleans' own floor, empty grains, is measured the same way on a
// fresh silo at the end, so neither count starts with the other's activations in Orleans' directory.
var storage = node.Services.GetRequiredService<GrainStateJsonSerializer>();
var stored = storage.Serialize(cachedCopy);
const long SeededIds = 10_000_000L;
var sentBeforeSeeding = node.Counter.Sent;
var transactionBytes = await ActivationMemory.BytesPerActivationAsync(activationCount, i =>
{
    var seededId = SeededIds + i;
    return node.Grains.GetGrain<ITransactionGrain>(seededId).SeedAsync(storage.Deserialize<TransactionSnapshot>(stored) with { Id = seededId }, "created");
});
if (node.Counter.Sent != sentBeforeSeeding)
{
    Console.Error.WriteLine("Seeding the transaction grains called upstream; the memory figure would not be of cached state alone.");
    return 1;
}

if (holdSeconds > 0)
{
    Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{activationCount:N0} transaction activations live; process {Environment.ProcessId} held for {holdSeconds} s (dotnet-gcdump collect -p {Environment.ProcessId})."));
    await Task.Delay(TimeSpan.FromSeconds(holdSeconds));
}

// Cost per call across 1 / 10,000 / 100,000 live transactions, all seeded above and called within their staleness bound.
IReadOnlyList<(int Entities, double CallsPerSecond, double CostVsFirst)> scaling = [];
if (!memoryOnly)
{
    var seeded = Enumerable.Range(0, activationCount).Select(i => node.Grains.GetGrain<ITransactionGrain>(SeededIds + i)).ToArray();
    var sentBeforeScaling = node.Counter.Sent;
    scaling = await EntityScaling.MeasureAsync(seeded, entitySizes, Callers, round, 3);
    if (node.Counter.Sent != sentBeforeScaling)
    {
        Console.Error.WriteLine("The scaling rounds called upstream; they would not measure cached calls alone.");
        return 1;
    }
}

// The same payment loaded from storage together with the journal entry of its capture (kept seven days for replays of
// the same key): what an activation of a payment captured through this service recently holds. Its stored copies are
// written before the heap is first measured, so only the activations are counted.
var journaledCount = Math.Max(1, activationCount / 5);
var grainStorage = node.Services.GetRequiredKeyedService<IGrainStorage>(PaymentGrainsStorage.Name);
var capturedState = new GrainState<CachedEntityState<TransactionSnapshot>>();
await grainStorage.ReadStateAsync("transaction", grain.GetGrainId(), capturedState);
if (capturedState.State?.Journal.Entries.Count is not > 0)
{
    Console.Error.WriteLine("The captured transaction's stored state has no journal entry; the journaled figure would not include one.");
    return 1;
}

var storedWithJournal = storage.Serialize(capturedState.State);
const long JournaledIds = 20_000_000L;
for (var start = 0; start < journaledCount; start += 1_000)
{
    await Task.WhenAll(Enumerable.Range(start, Math.Min(1_000, journaledCount - start)).Select(i =>
    {
        var journaledId = JournaledIds + i;
        var copy = storage.Deserialize<CachedEntityState<TransactionSnapshot>>(storedWithJournal);
        var state = new GrainState<CachedEntityState<TransactionSnapshot>>(copy with { Entity = copy.Entity! with { Id = journaledId } });
        return grainStorage.WriteStateAsync("transaction", node.Grains.GetGrain<ITransactionGrain>(journaledId).GetGrainId(), state);
    }));
}

var sentBeforeLoading = node.Counter.Sent;
var journaledBytes = await ActivationMemory.BytesPerActivationAsync(journaledCount, i => node.Grains.GetGrain<ITransactionGrain>(JournaledIds + i).GetAsync(TimeSpan.FromHours(1)));
if (node.Counter.Sent != sentBeforeLoading)
{
    Console.Error.WriteLine("Loading the journaled transactions called upstream; the memory figure would not be of stored state alone.");
    return 1;
}

await node.DisposeAsync();
node = await BenchNode.StartAsync(sandbox, staleness);
var emptyBytes = await ActivationMemory.BytesPerActivationAsync(activationCount, i => node.Grains.GetGrain<IEmptyGrain>(i).PingAsync());
await node.DisposeAsync();

static string Rate(double perSecond) => perSecond.ToString("N0", CultureInfo.InvariantCulture);
static string Ratio(double ratio) => ratio.ToString("0.0", CultureInfo.InvariantCulture) + "x";
static string Bytes(double bytes) => bytes.ToString("N0", CultureInfo.InvariantCulture);
static string PerGiB(double bytes) => (1024d * 1024 * 1024 / bytes).ToString("N0", CultureInfo.InvariantCulture);

Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Payment grains benchmark ({Environment.ProcessorCount} cores, median of {RoundCount} rounds of {round.TotalSeconds} s, sandbox over HTTP on 127.0.0.1)"));
Console.WriteLine();
if (!memoryOnly)
{
    Console.WriteLine("| reads of one transaction | cached grain Get/s | direct client GET/s | ratio (median of per-round ratios) |");
    Console.WriteLine("|---|---|---|---|");
    Console.WriteLine($"| 1 caller | {Rate(sequential.Measured)} | {Rate(sequential.Baseline)} | {Ratio(sequential.Ratio)} |");
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {Callers} callers | {Rate(concurrent.Measured)} | {Rate(concurrent.Baseline)} | {Ratio(concurrent.Ratio)} |"));
    Console.WriteLine();
    Console.WriteLine("| one transaction, cached | grain call/s | SemaphoreSlim-guarded call/s | grain cost per call vs guarded (median of per-round ratios) |");
    Console.WriteLine("|---|---|---|---|");
    Console.WriteLine($"| 1 caller, grain vs lock | {Rate(lockOne.Measured)} | {Rate(lockOne.Baseline)} | {Ratio(1 / lockOne.Ratio)} |");
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {Callers} callers, grain vs lock | {Rate(lockMany.Measured)} | {Rate(lockMany.Baseline)} | {Ratio(1 / lockMany.Ratio)} |"));
    Console.WriteLine();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| live transactions called ({Callers} callers, cached Get, median of 3 rounds) | calls/s | cost per call vs 1 transaction (median of per-round ratios) |"));
    Console.WriteLine("|---|---|---|");
    foreach (var (entities, callsPerSecond, costVsFirst) in scaling)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {entities:N0} | {Rate(callsPerSecond)} | {costVsFirst:0.00} |"));
    }

    Console.WriteLine();
}

Console.WriteLine("| memory per live activation (heap after a full compacting GC, delta / count) | live | bytes | per GiB |");
Console.WriteLine("|---|---|---|---|");
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| empty grain (Orleans' own cost) | {activationCount:N0} | {Bytes(emptyBytes)} | {PerGiB(emptyBytes)} |"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| transaction grain caching a captured card payment with metadata | {activationCount:N0} | {Bytes(transactionBytes)} | {PerGiB(transactionBytes)} |"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| the transaction grain's own share (difference) | | {Bytes(transactionBytes - emptyBytes)} | |"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| transaction grain loaded from storage with the journal entry of its capture | {journaledCount:N0} | {Bytes(journaledBytes)} | {PerGiB(journaledBytes)} |"));
Console.WriteLine();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Stored state of one cached transaction: {stored.ToMemory().Length:N0} bytes of JSON; with the journal entry of its capture, {storedWithJournal.ToMemory().Length:N0}."));
if (!memoryOnly)
{
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Upstream calls for {HotReads:N0} reads of one hot transaction within a {staleness.TotalMinutes} min staleness bound: {hotUpstreamCalls}."));
}

return 0;
