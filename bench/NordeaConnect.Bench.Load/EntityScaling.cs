using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace NordeaConnect.Bench.Load;

/// <summary>
/// The same work (16 callers, each awaiting one call at a time) spread over 1, 10, 1,000 and 100,000 distinct
/// entities: how the cost of a call grows with the number of live entities, how fast cold entities activate,
/// and the memory each live activation holds (hence activations per GiB).
/// </summary>
internal static class EntityScaling
{
    private const int Callers = 16;
    private const int Rounds = 3;
    private static readonly int[] EntityCounts = [1, 10, 1_000, 100_000];

    public static async Task<int> RunAsync(double secondsPerRound)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.UseOrleans(silo => silo.UseLocalhostClustering(FreePort(), FreePort()));
        using var host = builder.Build();
        await host.StartAsync();
        var grains = host.Services.GetRequiredService<IGrainFactory>();
        var round = TimeSpan.FromSeconds(secondsPerRound);
        var rows = new List<(int Entities, double ColdPerSecond, double CallsPerSecond, double BytesPerActivation)>();
        // JIT and runtime warm-up on a key no row uses, so the first row's cold figure measures activation only.
        await grains.GetGrain<IAccountGrain>(-1).DepositAsync(1);
        var keyBase = 0L;
        foreach (var entities in EntityCounts)
        {
            var accounts = Enumerable.Range(0, entities).Select(i => grains.GetGrain<IAccountGrain>(keyBase + i)).ToArray();
            keyBase += entities;

            // Cold: first call to each entity, in batches of 1,000 concurrent activations.
            var memoryBefore = GC.GetTotalMemory(forceFullCollection: true);
            var cold = Stopwatch.StartNew();
            for (var start = 0; start < entities; start += 1_000)
            {
                await Task.WhenAll(accounts.Skip(start).Take(1_000).Select(account => account.DepositAsync(1)));
            }

            cold.Stop();
            var memoryAfter = GC.GetTotalMemory(forceFullCollection: true);

            // Warm: Callers workers walk their share of the entities for a fixed time, median over rounds.
            var rates = new List<double>();
            for (var r = 0; r < Rounds; r++)
            {
                rates.Add(await WarmCallsPerSecondAsync(accounts, round));
            }

            rows.Add((entities, entities / cold.Elapsed.TotalSeconds, Percentiles.Median(rates), (memoryAfter - memoryBefore) / (double)entities));
        }

        var baseline = rows[0].CallsPerSecond;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Entity scaling: {Callers} callers awaiting one call at a time, median of {Rounds} rounds of {round.TotalSeconds} s; in-memory Orleans grains"));
        Console.WriteLine();
        Console.WriteLine("| distinct entities | warm calls/s | cost per call vs 1 entity | cold activations/s | bytes per live activation | activations per GiB |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|");
        foreach (var row in rows)
        {
            var perGiB = row.BytesPerActivation > 0 ? (1024d * 1024 * 1024 / row.BytesPerActivation).ToString("N0", CultureInfo.InvariantCulture) : "n/a";
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {row.Entities:N0} | {row.CallsPerSecond:N0} | {baseline / row.CallsPerSecond:F2} | {row.ColdPerSecond:N0} | {(row.Entities >= 1_000 ? row.BytesPerActivation.ToString("N0", CultureInfo.InvariantCulture) : "(too few to measure)")} | {(row.Entities >= 1_000 ? perGiB : "")} |"));
        }

        await host.StopAsync();
        return 0;
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task<double> WarmCallsPerSecondAsync(IAccountGrain[] accounts, TimeSpan duration)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var started = Stopwatch.GetTimestamp();
        var counts = await Task.WhenAll(Enumerable.Range(0, Callers).Select(worker => Task.Run(async () =>
        {
            long calls = 0;
            var index = worker % accounts.Length;
            while (Stopwatch.GetTimestamp() < deadline)
            {
                await accounts[index].DepositAsync(1);
                calls++;
                index += Callers;
                if (index >= accounts.Length)
                {
                    index = worker % accounts.Length;
                }
            }

            return calls;
        })));
        return counts.Sum() / Stopwatch.GetElapsedTime(started).TotalSeconds;
    }
}
