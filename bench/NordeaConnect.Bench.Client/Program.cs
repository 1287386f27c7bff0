// Measures what NordeaConnect.Client adds to one call: the same GET /v1/transactions/{id} against the same
// in-process sandbox, made with a bare HttpClient (the baseline), a bare HttpClient plus the same JSON parsing,
// the Refit wire interface alone (ITransactionsApi: call handler, standard resilience handler, parsing), and the
// typed service over it. Rounds rotate the contenders so machine noise hits all of them alike; the result is the
// ratio of medians, measured in this one run.
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using NordeaConnect.Bench.Client;
using NordeaConnect.Client;
using NordeaConnect.Primitives;
using NordeaConnect.Sandbox.Hosting;


var total = Stopwatch.StartNew();
await using var sandbox = await SandboxServer.StartAsync();
var merchant = sandbox.Merchant;
var options = new NordeaConnectClientOptions
{
    BaseAddress = sandbox.BaseAddress,
    MerchantId = merchant.Id,
    ApiPassword = merchant.Password,
    HashSecret = merchant.HashSecret,
};

using var client = NordeaConnectClient.Create(options);
var created = await client.Transactions.CreateAsync(new TransactionCreateOptions
{
    PaymentRef = PaymentRef.Parse("bench-1"),
    Amount = Amount.Parse("480.00"),
    Currency = CurrencyCode.Sek,
    Test = true,
    CardNumber = "4111111111111111",
    CardHolder = "Anna Andersson",
    CardCvv = "123",
    CardExpiry = "1230",
    CardType = CardTypes.Visa,
});
var path = string.Create(CultureInfo.InvariantCulture, $"v1/transactions/{created.Id}");

using var bare = new HttpClient(new SocketsHttpHandler()) { BaseAddress = sandbox.BaseAddress };
bare.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
    "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(merchant.Id + ":" + merchant.Password)));

await using var overHttp = Services(options, primary: null);
await RunAsync("over HTTP to the in-process sandbox on 127.0.0.1", bare, overHttp, path, created.Id);

// The same paths over a handler that answers at once with the sandbox's own body: without the network and the
// sandbox sharing the cores, what remains is each path's CPU cost, a steadier view of the client's overhead.
var sandboxBody = await bare.GetByteArrayAsync(path);
using var cannedBare = new HttpClient(new CannedAnswerHandler(sandboxBody)) { BaseAddress = sandbox.BaseAddress };
await using var canned = Services(options, primary: () => new CannedAnswerHandler(sandboxBody));
await RunAsync("over an in-memory handler answering the same body (CPU cost only)", cannedBare, canned, path, created.Id);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Run took {total.Elapsed.TotalSeconds:0.0} s."));

// The client as a host registers it; a primary handler given here replaces the network.
static ServiceProvider Services(NordeaConnectClientOptions options, Func<HttpMessageHandler>? primary)
{
    var services = new ServiceCollection();
    services.AddLogging();
    var builder = services.AddNordeaConnectClient(configured =>
    {
        configured.BaseAddress = options.BaseAddress;
        configured.MerchantId = options.MerchantId;
        configured.ApiPassword = options.ApiPassword;
        configured.HashSecret = options.HashSecret;
    });
    if (primary is not null)
    {
        builder.ConfigurePrimaryHttpMessageHandler(primary);
    }

    return services.BuildServiceProvider();
}

static async Task RunAsync(string setting, HttpClient bare, IServiceProvider services, string path, long id)
{
    var wire = services.GetRequiredService<ITransactionsApi>();
    var client = services.GetRequiredService<INordeaConnectClient>();
    var contenders = new[]
    {
        new Measurement("bare HttpClient GET (baseline)", async () =>
        {
            using var response = await bare.GetAsync(path);
            response.EnsureSuccessStatusCode();
            _ = await response.Content.ReadAsByteArrayAsync();
        }),
        new Measurement("bare HttpClient GET + same JSON parsing", async () =>
        {
            using var response = await bare.GetAsync(path);
            response.EnsureSuccessStatusCode();
            var body = await response.Content.ReadAsByteArrayAsync();
            _ = JsonSerializer.Deserialize(body, NordeaConnectJsonContext.Default.Transaction);
        }),
        new Measurement("Refit wire only (ITransactionsApi.GetAsync)", async () => _ = await wire.GetAsync(id, null, null, null, CancellationToken.None)),
        new Measurement("client Transactions.GetAsync (typed)", async () => _ = await client.Transactions.GetAsync(id)),
    };

    foreach (var contender in contenders)
    {
        await contender.WarmUpAsync(WarmupCalls);
    }

    for (var round = 0; round < Rounds; round++)
    {
        // Rotate the order each round so no contender always runs first (cold caches) or last.
        for (var index = 0; index < contenders.Length; index++)
        {
            await contenders[(index + round) % contenders.Length].RunRoundAsync(CallsPerRound);
        }
    }

    var baseline = contenders[0].MedianMicroseconds;
    var parsed = contenders[1].MedianMicroseconds;
    var typed = contenders[^1].MedianMicroseconds;
    Console.WriteLine($"## GET /v1/transactions/{{id}} {setting}");
    Console.WriteLine();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{Rounds} rounds x {CallsPerRound} calls after {WarmupCalls} warm-up calls each; median of per-round means; {Environment.ProcessorCount} cores; .NET {Environment.Version}."));
    Console.WriteLine();
    Console.WriteLine("| contender | median µs/call | fastest round | slowest round | ratio to baseline |");
    Console.WriteLine("|---|---:|---:|---:|---:|");
    foreach (var contender in contenders)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {contender.Name} | {contender.MedianMicroseconds:0.0} | {contender.MinMicroseconds:0.0} | {contender.MaxMicroseconds:0.0} | {contender.MedianMicroseconds / baseline:0.00}x |"));
    }

    Console.WriteLine();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"Typed client vs bare call: {typed / baseline:0.00}x ({typed - baseline:0.0} µs/call); vs bare call with the same parsing: {typed / parsed:0.00}x ({typed - parsed:0.0} µs/call)."));
    Console.WriteLine();
}

/// <summary>The run's shape: enough calls for stable medians, few enough to finish well under a minute.</summary>
internal static partial class Program
{
    private const int WarmupCalls = 400;
    private const int Rounds = 15;
    private const int CallsPerRound = 300;
}
