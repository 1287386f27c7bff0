using System.Globalization;
using NordeaConnect.Bench.Grains;
using NordeaConnect.Grains;
using NordeaConnect.Primitives;
using NordeaConnect.Sandbox.Hosting;

// Payment grains benchmark. Rates depend on the machine; compare the ratios, measured against a baseline in the same run.
// Run: dotnet run -c Release --project bench/NordeaConnect.Bench.Grains
const int RoundCount = 5;
const int HotReads = 10_000;
const int Callers = 16;
var round = TimeSpan.FromSeconds(1);
var staleness = TimeSpan.FromMinutes(5);

await using var sandbox = await SandboxServer.StartAsync();
await using var node = await BenchNode.StartAsync(sandbox, staleness);

var created = await node.Grains.GetGrain<ITransactionCreationGrain>("bench-hot").CreateAsync(new TransactionCreateRequest
{
    Amount = Amount.Parse("125.00"),
    Currency = CurrencyCode.Sek,
    Test = true,
    Card = new CardDetails("4111111111111111", "123", "Bench Mark", "1230", "visa"),
});
if (!created.Succeeded)
{
    Console.Error.WriteLine("Could not create the benchmark's transaction: " + created.Code + " " + created.Description);
    return 1;
}

var id = created.Value!.Id;
var grain = node.Grains.GetGrain<ITransactionGrain>(id);

// 10,000 reads of one hot transaction within the staleness bound: how many reach upstream.
var sentBefore = node.Counter.Sent;
await Task.WhenAll(Enumerable.Range(0, Callers).Select(_ => Task.Run(async () =>
{
    for (var i = 0; i < HotReads / Callers; i++)
    {
        await grain.GetAsync();
    }
})));
var hotUpstreamCalls = node.Counter.Sent - sentBefore;

// One caller awaiting each read, then 16 callers at once: cached grain Get against the client's GET to the sandbox.
var sequential = await Rounds.MedianPairAsync(
    async n => { for (var i = 0; i < n; i++) { await grain.GetAsync(); } },
    async n => { for (var i = 0; i < n; i++) { await node.Transactions.GetAsync(id); } },
    50,
    round,
    RoundCount);
var concurrent = await Rounds.MedianPairAsync(
    n => Task.WhenAll(Enumerable.Range(0, n).Select(_ => grain.GetAsync())),
    n => Task.WhenAll(Enumerable.Range(0, n).Select(_ => node.Transactions.GetAsync(id))),
    Callers,
    round,
    RoundCount);

// A grain call against a SemaphoreSlim-guarded call doing the same work (hand out the cached transaction): the price
// of Orleans' one-call-at-a-time guarantee over the simplest in-process lock.
var cachedCopy = created.Value!;
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

var lockOne = await Rounds.MedianPairAsync(
    async n => { for (var i = 0; i < n; i++) { await grain.GetAsync(); } },
    async n => { for (var i = 0; i < n; i++) { await GuardedReadAsync(); } },
    200,
    round,
    RoundCount);
var lockMany = await Rounds.MedianPairAsync(
    n => Task.WhenAll(Enumerable.Range(0, n).Select(_ => Task.Run(() => grain.GetAsync()))),
    n => Task.WhenAll(Enumerable.Range(0, n).Select(_ => Task.Run(GuardedReadAsync))),
    Callers,
    round,
    RoundCount);

// Memory per transaction activation holding real cached state: seed ActivationCount grains with the created
// transaction (each under its own id) and compare the managed heap before and after.
const int ActivationCount = 10_000;
var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
for (var start = 0; start < ActivationCount; start += 1_000)
{
    await Task.WhenAll(Enumerable.Range(start, 1_000).Select(i =>
    {
        var seededId = 10_000_000L + i;
        return node.Grains.GetGrain<ITransactionGrain>(seededId).SeedAsync(cachedCopy with { Id = seededId }, "created");
    }));
}

var heapAfter = GC.GetTotalMemory(forceFullCollection: true);
var bytesPerActivation = (heapAfter - heapBefore) / (double)ActivationCount;

static string Rate(double perSecond) => perSecond.ToString("N0", CultureInfo.InvariantCulture);
static string Ratio(double ratio) => ratio.ToString("0.0", CultureInfo.InvariantCulture) + "x";

Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Payment grains benchmark ({Environment.ProcessorCount} cores, median of {RoundCount} rounds of {round.TotalSeconds} s, sandbox over HTTP on 127.0.0.1)"));
Console.WriteLine();
Console.WriteLine("| reads of one transaction | cached grain Get/s | direct client GET/s | ratio (median of per-round ratios) |");
Console.WriteLine("|---|---|---|---|");
Console.WriteLine($"| 1 caller | {Rate(sequential.Measured)} | {Rate(sequential.Baseline)} | {Ratio(sequential.Ratio)} |");
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {Callers} callers | {Rate(concurrent.Measured)} | {Rate(concurrent.Baseline)} | {Ratio(concurrent.Ratio)} |"));
Console.WriteLine();
Console.WriteLine("| one transaction, cached | grain call/s | SemaphoreSlim-guarded call/s | grain cost per call vs guarded (median of per-round ratios) |");
Console.WriteLine("|---|---|---|---|");
Console.WriteLine($"| 1 caller | {Rate(lockOne.Measured)} | {Rate(lockOne.Baseline)} | {Ratio(1 / lockOne.Ratio)} |");
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {Callers} callers | {Rate(lockMany.Measured)} | {Rate(lockMany.Baseline)} | {Ratio(1 / lockMany.Ratio)} |"));
Console.WriteLine();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Memory per transaction activation with cached state ({ActivationCount:N0} seeded): {bytesPerActivation:N0} bytes, {1024d * 1024 * 1024 / bytesPerActivation:N0} per GiB."));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Upstream calls for {HotReads:N0} reads of one hot transaction within a {staleness.TotalMinutes} min staleness bound: {hotUpstreamCalls}."));
return 0;
