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
// tracing and metrics, /metrics mapped) against the same gateway without it as the baseline, in the same alternating
// rounds. Each is a child process of this program, started the same way: OpenTelemetry's activity and meter listeners
// are process-wide (in one process they would instrument the baseline too), and a baseline served by this process
// against a subject in a child measured the process difference, not telemetry (an A/A run read 0.39).
// --telemetry-cost --control serves both children WITHOUT telemetry: an A/A run of the same harness, whose ratio
// should be about 1 and whose range shows what the machine's noise alone does to the figure.
const string TelemetryCostOption = "--telemetry-cost";
const string ControlOption = "--control";
const string ServeWithTelemetryOption = "--serve-with-telemetry";
const string ServeWithoutTelemetryOption = "--serve-without-telemetry";
const string ReadyLine = "READY ";
const string Token = "bench-token-all-scopes-000001";

if (args is [ServeWithTelemetryOption or ServeWithoutTelemetryOption])
{
    // Child: serve until the parent closes our standard input.
    await using var served = await BenchGateway.StartAsync(withTelemetry: args[0] == ServeWithTelemetryOption, Token);
    Console.WriteLine(ReadyLine + served.Address.GetLeftPart(UriPartial.Authority) + " " + served.BodyFile);
    await Console.In.ReadToEndAsync();
    return 0;
}

var telemetryCost = args.Contains(TelemetryCostOption);
var control = telemetryCost && args.Contains(ControlOption);
var harnessArguments = args.Where(argument => argument is not TelemetryCostOption and not ControlOption).ToArray();
var harness = Path.Combine(AppContext.BaseDirectory, "NordeaConnect.Bench.Grpc.dll");
var children = new List<Process>();
BenchGateway? gateway = null;
try
{
    var start = new ProcessStartInfo("dotnet") { UseShellExecute = false };
    start.ArgumentList.Add(harness);
    if (telemetryCost)
    {
        var (baselineAddress, baselineBody) = await ServeInChildAsync(ServeWithoutTelemetryOption);
        var (subjectAddress, subjectBody) = await ServeInChildAsync(control ? ServeWithoutTelemetryOption : ServeWithTelemetryOption);
        foreach (var argument in new[] { "--target", subjectAddress, "--body", subjectBody, "--baseline", baselineAddress, "--baseline-body", baselineBody })
        {
            start.ArgumentList.Add(argument);
        }
    }
    else
    {
        gateway = await BenchGateway.StartAsync(withTelemetry: false, Token);
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

    Console.WriteLine(control
        ? "(control, A/A: the gateway without telemetry in two child processes, one the subject, one the baseline)"
        : telemetryCost
        ? "(subject: the gateway's cached Transactions.Get with AddGatewayObservability, OpenTelemetry tracing and metrics on; baseline: the same gateway without it; each in a child process of its own)"
        : "(subject: the gateway's cached Transactions.Get, auth and result mapping included; baseline: a bare Kestrel h2c handler returning the same bytes)");
    return process.ExitCode;
}
finally
{
    foreach (var child in children)
    {
        // Closing its standard input is the child's signal to stop.
        child.StandardInput.Close();
        await child.WaitForExitAsync();
        child.Dispose();
    }

    if (gateway is not null)
    {
        await gateway.DisposeAsync();
    }
}

// Starts this program as a gateway in a child process; returns its address and the body file of its cached Get.
async Task<(string Address, string BodyFile)> ServeInChildAsync(string serveOption)
{
    var child = Process.Start(new ProcessStartInfo("dotnet")
    {
        ArgumentList = { Path.Combine(AppContext.BaseDirectory, "NordeaConnect.Bench.Gateway.dll"), serveOption },
        RedirectStandardInput = true,
        RedirectStandardOutput = true,
        UseShellExecute = false,
    }) ?? throw new InvalidOperationException("The gateway child (" + serveOption + ") did not start.");
    children.Add(child);
    string? line;
    while ((line = await child.StandardOutput.ReadLineAsync()) is not null && !line.StartsWith(ReadyLine, StringComparison.Ordinal))
    {
    }

    var ready = line?[ReadyLine.Length..].Split(' ') ?? throw new InvalidOperationException("The gateway child (" + serveOption + ") exited before it was ready.");
    // Drained from here on: a full pipe would block the child's console output.
    _ = child.StandardOutput.ReadToEndAsync();
    return (ready[0], ready[1]);
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
