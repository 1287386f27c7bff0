using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using NordeaConnect.Bench.Runtime;
using NordeaConnect.Grains.Runtime;

// Grain runtime benchmark. Numbers are machine-dependent; the ratios against the baseline of the same run are what
// to compare between changes. Run: dotnet run -c Release --project bench/NordeaConnect.Bench.Runtime
const int Rounds = 5;
var round = TimeSpan.FromSeconds(1);
const int IdleActivations = 20_000;

await using var services = new ServiceCollection()
    .AddGrainRuntime(options => options.MaxActivations = 1_000_000)
    .AddGrain<IEmptyGrain, EmptyGrain>()
    .Services
    .BuildServiceProvider();
var grains = services.GetRequiredService<IGrainFactory>();
var collector = services.GetRequiredService<IActivationCollector>();

// One caller awaiting each call: the latency of a turn against one SemaphoreSlim-guarded call.
var grain = grains.GetGrain<IEmptyGrain>(0);
var guarded = new GuardedTarget();
var sequential = await Measurement.MedianPairAsync(
    async n => { for (var i = 0; i < n; i++) { await grain.PingAsync(); } },
    async n => { for (var i = 0; i < n; i++) { await guarded.PingAsync(); } },
    1_000,
    round,
    Rounds);

// 64 callers at once on one key: the mailbox against callers contending for one SemaphoreSlim.
const int Callers = 64;
var contended = await Measurement.MedianPairAsync(
    n => Task.WhenAll(Enumerable.Range(0, n).Select(_ => Task.Run(grain.PingAsync))),
    n => Task.WhenAll(Enumerable.Range(0, n).Select(_ => Task.Run(guarded.PingAsync))),
    Callers,
    round,
    Rounds);

// Calls spread over 1,000 keys: throughput of the whole runtime.
var spread = Enumerable.Range(0, 1_000).Select(k => grains.GetGrain<IEmptyGrain>(k)).ToArray();
var spreadGrain = await Measurement.MedianOperationsPerSecondAsync(n => Task.WhenAll(spread.Select(g => g.PingAsync())), spread.Length, round, Rounds);

// Memory held per idle activation.
await collector.CollectIdleAsync(TimeSpan.Zero);
var before = GC.GetTotalMemory(forceFullCollection: true);
for (var start = 0; start < IdleActivations; start += 1_000)
{
    await Task.WhenAll(Enumerable.Range(start, 1_000).Select(k => grains.GetGrain<IEmptyGrain>(1_000_000 + k).PingAsync()));
}

var after = GC.GetTotalMemory(forceFullCollection: true);
var bytesPerActivation = (after - before) / (double)IdleActivations;
var live = collector.LiveActivationCount;

string Rate(double perSecond) => perSecond.ToString("N0", CultureInfo.InvariantCulture);
string Ratio(double ratio) => ratio.ToString("0.00", CultureInfo.InvariantCulture) + "x";

Console.WriteLine($"Grain runtime benchmark ({Environment.ProcessorCount} cores, median of {Rounds} rounds of {round.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s)");
Console.WriteLine();
Console.WriteLine("| workload | grain calls/s | SemaphoreSlim-guarded calls/s | turn cost (median of per-round ratios) |");
Console.WriteLine("|---|---:|---:|---:|");
Console.WriteLine($"| one caller, one key (await each) | {Rate(sequential.Measured)} | {Rate(sequential.Baseline)} | {Ratio(sequential.CostRatio)} |");
Console.WriteLine($"| {Callers} concurrent callers (Task.Run each), one key | {Rate(contended.Measured)} | {Rate(contended.Baseline)} | {Ratio(contended.CostRatio)} |");
Console.WriteLine($"| 1,000 keys, one call each per batch | {Rate(spreadGrain)} | | |");
Console.WriteLine();
Console.WriteLine("| memory | value |");
Console.WriteLine("|---|---:|");
Console.WriteLine($"| bytes held per idle activation ({IdleActivations.ToString("N0", CultureInfo.InvariantCulture)} activations, {live.ToString("N0", CultureInfo.InvariantCulture)} live) | {bytesPerActivation.ToString("N0", CultureInfo.InvariantCulture)} |");
