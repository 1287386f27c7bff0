using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Google.Protobuf;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using NordeaConnect.Contracts;
using NordeaConnect.Gateway.Hosting;
using NordeaConnect.Gateway.Observability;
using NordeaConnect.Grains.V1;
using Grpc.Net.Client;

// Starts the gateway in-process as the main command composes it (embedded sandbox, memory storage, 127.0.0.1),
// creates one transaction and reads it once so its grain holds it, then hands the cached Transactions.Get to the
// gRPC layer's h2load harness, which measures it and a bare Kestrel h2c handler returning the same bytes in one run
// and prints both with their ratio. Extra arguments go to that harness (e.g. --rounds 3 --requests 10000).
//
// --telemetry-cost measures the cost of telemetry instead: the same gateway with AddGatewayObservability (OpenTelemetry
// tracing and metrics, /metrics mapped) in a child process of this program, against this process's gateway without
// it as the baseline, in the same alternating rounds. The child is a separate process because OpenTelemetry's
// activity and meter listeners are process-wide: in one process they would instrument the baseline too.
const string TelemetryCostOption = "--telemetry-cost";
const string ServeWithTelemetryOption = "--serve-with-telemetry";
const string ReadyLine = "READY ";
const string Token = "bench-token-all-scopes-000001";

if (args is [ServeWithTelemetryOption])
{
    // Child: serve until the parent closes our standard input.
    await using var served = await BenchGateway.StartAsync(withTelemetry: true, Token);
    Console.WriteLine(ReadyLine + served.Address.GetLeftPart(UriPartial.Authority) + " " + served.BodyFile);
    await Console.In.ReadToEndAsync();
    return 0;
}

var telemetryCost = args.Contains(TelemetryCostOption);
var harnessArguments = args.Where(argument => argument != TelemetryCostOption).ToArray();
await using var gateway = await BenchGateway.StartAsync(withTelemetry: false, Token);
var harness = Path.Combine(AppContext.BaseDirectory, "NordeaConnect.Bench.Grpc.dll");
Process? child = null;
try
{
    var start = new ProcessStartInfo("dotnet") { UseShellExecute = false };
    if (telemetryCost)
    {
        var childStart = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { Path.Combine(AppContext.BaseDirectory, "NordeaConnect.Bench.Gateway.dll"), ServeWithTelemetryOption },
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        child = Process.Start(childStart) ?? throw new InvalidOperationException("The gateway with telemetry did not start.");
        string? line;
        while ((line = await child.StandardOutput.ReadLineAsync()) is not null && !line.StartsWith(ReadyLine, StringComparison.Ordinal))
        {
        }

        var ready = line?[ReadyLine.Length..].Split(' ') ?? throw new InvalidOperationException("The gateway with telemetry exited before it was ready.");
        start.ArgumentList.Add(harness);
        foreach (var argument in new[] { "--target", ready[0], "--body", ready[1], "--baseline", gateway.Address.GetLeftPart(UriPartial.Authority), "--baseline-body", gateway.BodyFile })
        {
            start.ArgumentList.Add(argument);
        }
    }
    else
    {
        start.ArgumentList.Add(harness);
        foreach (var argument in new[] { "--target", gateway.Address.GetLeftPart(UriPartial.Authority), "--body", gateway.BodyFile })
        {
            start.ArgumentList.Add(argument);
        }
    }

    foreach (var argument in new[] { "--path", "/nordeaconnect.grains.v1.Transactions/Get", "--header", "authorization: Bearer " + Token }.Concat(harnessArguments))
    {
        start.ArgumentList.Add(argument);
    }

    // This process serves only the gateway while the harness runs, so its CPU time over the run is the gateway's (with
    // Orleans' own timers): a second figure per request that the machine's load moves far less than throughput.
    var cpuBefore = Environment.CpuUsage.TotalTime;
    using var process = Process.Start(start) ?? throw new InvalidOperationException("The h2load harness did not start.");
    await process.WaitForExitAsync();
    if (!telemetryCost && HarnessRequests(harnessArguments) is { } served)
    {
        Console.WriteLine($"Gateway process CPU per request over the h2load run (warm-ups included): {(Environment.CpuUsage.TotalTime - cpuBefore).TotalMicroseconds / served:F0} µs ({served} requests)");
    }

    Console.WriteLine(telemetryCost
        ? "(subject: the gateway's cached Transactions.Get with AddGatewayObservability, OpenTelemetry tracing and metrics on, in a child process; baseline: the same gateway without it, in this process)"
        : "(subject: the gateway's cached Transactions.Get, auth and result mapping included; baseline: a bare Kestrel h2c handler returning the same bytes)");
    return process.ExitCode;
}
finally
{
    if (child is not null)
    {
        // Closing its standard input is the child's signal to stop.
        child.StandardInput.Close();
        await child.WaitForExitAsync();
        child.Dispose();
    }
}

// The requests the harness sends the gateway: a warm-up and each round (its defaults unless given).
static int? HarnessRequests(string[] arguments)
{
    int Option(string name, int fallback)
    {
        var at = Array.IndexOf(arguments, name);
        return at >= 0 && at + 1 < arguments.Length && int.TryParse(arguments[at + 1], System.Globalization.CultureInfo.InvariantCulture, out var value) ? value : fallback;
    }

    var total = Option("--warmup", 3_000) + (Option("--rounds", 5) * Option("--requests", 20_000));
    return total > 0 ? total : null;
}

/// <summary>A gateway on 127.0.0.1 with one cached transaction, and the serialized Get request that reads it.</summary>
internal sealed class BenchGateway : IAsyncDisposable
{
    private readonly UpstreamConnection _upstream;
    private readonly WebApplication _app;

    private BenchGateway(UpstreamConnection upstream, WebApplication app, Uri address, string bodyFile)
    {
        _upstream = upstream;
        _app = app;
        Address = address;
        BodyFile = bodyFile;
    }

    public Uri Address { get; }

    public string BodyFile { get; }

    public static async Task<BenchGateway> StartAsync(bool withTelemetry, string token)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Gateway:Urls"] = "http://127.0.0.1:0",
            ["Gateway:Tokens:0:Name"] = "bench",
            ["Gateway:Tokens:0:Token"] = token,
            ["Gateway:Tokens:0:Scopes"] = "read write",
        }).Build();
        var settings = GatewaySettings.Read(configuration);
        var upstream = await UpstreamConnection.StartAsync(settings);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.ListenForGrpc(settings);
        builder.Services.AddNordeaConnectUpstream(upstream);
        builder.UseGatewayOrleans(settings);
        builder.Services.AddGatewayFacade(settings.Tokens);
        if (withTelemetry)
        {
            builder.AddGatewayObservability(settings);
        }

        var app = builder.Build();
        app.MapGatewayFacade();
        if (withTelemetry)
        {
            app.MapGatewayObservability();
        }

        await app.StartAsync();
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

        using var channel = GrpcChannel.ForAddress(address);
        var transactions = new TransactionsClient(channel);
        var created = await transactions.CreateAsync(
            new CreateTransactionRequest
            {
                PaymentRef = "bench-1",
                Amount = "725.00",
                Currency = "sek",
                Test = true,
                CardHolder = "Bench Person",
                CardNumber = "4111111111111111",
                CardExpiry = "1230",
                CardCvv = "123",
                CardType = "VISA",
            },
            GatewayHeaders.For(token));

        // A staleness bound longer than the run keeps every measured Get on the grain's cache, never upstream.
        var get = new GetTransactionRequest { Id = created.Transaction.Id, Read = new ReadOptions { MaxStalenessMs = (long)TimeSpan.FromHours(1).TotalMilliseconds } };
        await transactions.GetAsync(get, GatewayHeaders.For(token));
        var body = Path.GetTempFileName();
        await File.WriteAllBytesAsync(body, get.ToByteArray());
        return new BenchGateway(upstream, app, address, body);
    }

    public async ValueTask DisposeAsync()
    {
        File.Delete(BodyFile);
        await _app.StopAsync();
        await _app.DisposeAsync();
        await _upstream.DisposeAsync();
    }
}
