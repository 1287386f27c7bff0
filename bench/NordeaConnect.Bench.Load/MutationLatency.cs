using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using NordeaConnect.Client;
using NordeaConnect.Contracts;
using NordeaConnect.Grains.V1;
using NordeaConnect.Primitives;
using NordeaConnect.Sandbox.Faults;
using NordeaConnect.Sandbox.Hosting;

namespace NordeaConnect.Bench.Load;

/// <summary>
/// Card payments created through the gateway (gRPC → grain → journal → client → sandbox) against the same payment
/// created by the client straight to the sandbox, with the sandbox's added latency set to a realistic upstream value.
/// One caller awaiting each call; contenders alternate round by round and which goes first.
/// </summary>
internal static class MutationLatency
{
    public static async Task<int> RunAsync(int perRound, int rounds, int latencyMs, string? postgres)
    {
        await using var sandbox = await SandboxServer.StartAsync();
        sandbox.Faults.Add(new FaultRuleSpec { Path = "/v1/**", Fault = FaultKind.Latency, LatencyMilliseconds = latencyMs });
        await using var database = postgres is null ? null : await BenchDatabase.CreateAsync(postgres);
        await using var gateway = await InProcessGateway.StartAsync(sandbox, database?.ConnectionString);
        await using var services = new ServiceCollection()
            .AddLogging()
            .AddNordeaConnectClient(o =>
            {
                o.BaseAddress = sandbox.BaseAddress;
                o.MerchantId = sandbox.Merchant.Id;
                o.ApiPassword = sandbox.Merchant.Password;
                o.HashSecret = sandbox.Merchant.HashSecret;
                o.AllowInsecureHttp = true;
            }).Services.BuildServiceProvider();
        var client = services.GetRequiredService<INordeaConnectClient>();
        var transactions = new TransactionsClient(gateway.Channel);
        var headers = GatewayHeaders.For(InProcessGateway.Token);
        // Payment references unique to this run (idempotent creation is keyed by them): 4 random hex + a counter.
        var run = Guid.NewGuid().ToString("N")[..4];
        var sequence = 0;
        string NextRef() => "b" + run + Interlocked.Increment(ref sequence).ToString("D7", CultureInfo.InvariantCulture);

        async Task<double> ThroughGateway()
        {
            var started = Stopwatch.GetTimestamp();
            await transactions.CreateAsync(
                new CreateTransactionRequest { PaymentRef = NextRef(), Amount = "125.00", Currency = "sek", Test = true, CardHolder = "Bench Mark", CardNumber = "4111111111111111", CardExpiry = "1230", CardCvv = "123", CardType = "VISA" },
                headers).ResponseAsync;
            return Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }

        async Task<double> Direct()
        {
            var started = Stopwatch.GetTimestamp();
            await client.Transactions.CreateAsync(new TransactionCreateOptions
            {
                PaymentRef = PaymentRef.Parse(NextRef()), Amount = Amount.Parse("125.00"), Currency = CurrencyCode.Sek, Test = true,
                CardHolder = "Bench Mark", CardNumber = "4111111111111111", CardExpiry = "1230", CardCvv = "123", CardType = "VISA",
            });
            return Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }

        // Warm-up: JIT, connection pools, the first grain activations.
        for (var i = 0; i < 10; i++)
        {
            await ThroughGateway();
            await Direct();
        }

        var viaGateway = new List<double>();
        var direct = new List<double>();
        for (var round = 0; round < rounds; round++)
        {
            var first = round % 2 == 0 ? (Func<Task<double>>)ThroughGateway : Direct;
            var second = round % 2 == 0 ? (Func<Task<double>>)Direct : ThroughGateway;
            var firstSamples = round % 2 == 0 ? viaGateway : direct;
            var secondSamples = round % 2 == 0 ? direct : viaGateway;
            for (var i = 0; i < perRound; i++)
            {
                firstSamples.Add(await first());
            }

            for (var i = 0; i < perRound; i++)
            {
                secondSamples.Add(await second());
            }
        }

        var p50Gateway = Percentiles.Of(viaGateway, 50);
        var p50Direct = Percentiles.Of(direct, 50);
        var p99Gateway = Percentiles.Of(viaGateway, 99);
        var p99Direct = Percentiles.Of(direct, 99);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Mutation latency: card payment create, {rounds} rounds x {perRound} per contender, one caller, sandbox latency {latencyMs} ms, grain storage {(postgres is null ? "memory" : "PostgreSQL")}"));
        Console.WriteLine();
        Console.WriteLine("| percentile | through the gateway (ms) | direct client (ms) | ratio gateway / direct |");
        Console.WriteLine("|---|---:|---:|---:|");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| p50 | {p50Gateway:F1} | {p50Direct:F1} | {p50Gateway / p50Direct:F2} |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| p99 | {p99Gateway:F1} | {p99Direct:F1} | {p99Gateway / p99Direct:F2} |"));
        return 0;
    }
}
