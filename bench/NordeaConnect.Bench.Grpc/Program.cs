using System.CommandLine;
using Google.Protobuf;
using NordeaConnect.Bench.Grpc;
using NordeaConnect.Bench.Grpc.Protos;

// Compares a unary gRPC call against a bare Kestrel h2c handler that returns the same bytes, both loaded by
// h2load in one run. Without --target it measures this repository's gRPC layer in-process; with --target it
// measures any gRPC server (e.g. the gateway's cached Transactions.Get) against the same baseline.
var target = new Option<string?>("--target") { Description = "Measure this gRPC server (http://host:port, h2c) instead of the in-process layer." };
var path = new Option<string?>("--path") { Description = "Method path, /package.Service/Method. Required with --target." };
var body = new Option<FileInfo?>("--body") { Description = "File holding the serialized request message (protobuf bytes, without the 5-byte gRPC prefix)." };
var headers = new Option<string[]>("--header") { Description = "Extra request header 'name: value' (repeatable), e.g. 'authorization: Bearer ...'.", AllowMultipleArgumentsPerToken = false };
var requests = new Option<int>("--requests") { Description = "Requests per measured run.", DefaultValueFactory = _ => 20_000 };
var warmup = new Option<int>("--warmup") { Description = "Requests per warm-up run (not measured).", DefaultValueFactory = _ => 3_000 };
var clients = new Option<int>("--clients") { Description = "h2load connections (-c).", DefaultValueFactory = _ => 4 };
var streams = new Option<int>("--streams") { Description = "Concurrent streams per connection (-m).", DefaultValueFactory = _ => 8 };
var rounds = new Option<int>("--rounds") { Description = "Measured rounds per contender; the report shows medians.", DefaultValueFactory = _ => 5 };
var baseline = new Option<string?>("--baseline") { Description = "Measure this gRPC server (http://host:port, h2c, same --path) as the baseline instead of the bare handler; needs --target." };
var baselineBody = new Option<FileInfo?>("--baseline-body") { Description = "The baseline's serialized request message when it differs from --body." };
var h2load = new Option<string>("--h2load") { Description = "The h2load executable (Debian: nghttp2-client).", DefaultValueFactory = _ => "h2load" };

var command = new RootCommand("h2load: a unary gRPC call vs a bare Kestrel h2c handler returning the same bytes")
{
    target, path, body, headers, requests, warmup, clients, streams, rounds, baseline, baselineBody, h2load,
};
command.SetAction(async (parsed, cancellationToken) =>
{
    try
    {
        await Comparison.RunAsync(await ReadSettingsAsync(parsed, cancellationToken));
        return 0;
    }
    catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or IOException or HttpRequestException)
    {
        // Bad options and unreachable targets are the user's to fix: say what is wrong, without a stack trace.
        Console.Error.WriteLine("error: " + ex.Message);
        return 1;
    }
});

return await command.Parse(args).InvokeAsync();

async Task<BenchSettings> ReadSettingsAsync(ParseResult parsed, CancellationToken cancellationToken)
{
    var targetUri = parsed.GetValue(target) is { } text ? ParseTarget(text) : null;
    return new BenchSettings(
        targetUri,
        parsed.GetValue(path) ?? (targetUri is null ? BenchHost.LayerPath : throw new ArgumentException("--path is required with --target.")),
        parsed.GetValue(body) is { } file ? await File.ReadAllBytesAsync(file.FullName, cancellationToken) : new GetRequest { Id = "1d4f8a2c9b7e4f01a3c5e7d9b1f3a5c7" }.ToByteArray(),
        (parsed.GetValue(headers) ?? []).Select(ParseHeader).ToArray(),
        Positive(parsed.GetValue(requests), "--requests"),
        Positive(parsed.GetValue(warmup), "--warmup"),
        Positive(parsed.GetValue(clients), "--clients"),
        Positive(parsed.GetValue(streams), "--streams"),
        Positive(parsed.GetValue(rounds), "--rounds"),
        parsed.GetValue(h2load)!)
    {
        Baseline = parsed.GetValue(baseline) is { } baselineText
            ? (targetUri is not null ? ParseTarget(baselineText) : throw new ArgumentException("--baseline needs --target."))
            : null,
        BaselineRequestMessage = parsed.GetValue(baselineBody) is { } baselineFile ? await File.ReadAllBytesAsync(baselineFile.FullName, cancellationToken) : null,
    };
}

static Uri ParseTarget(string text) =>
    Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttp
        ? uri
        : throw new ArgumentException($"--target '{text}' must be an absolute http:// address (h2load drives h2c), e.g. http://127.0.0.1:5050.");

static (string Name, string Value) ParseHeader(string header)
{
    var colon = header.IndexOf(':', StringComparison.Ordinal);
    return colon > 0
        ? (header[..colon].Trim().ToLowerInvariant(), header[(colon + 1)..].Trim())
        : throw new ArgumentException($"--header '{header}' must look like 'name: value'.");
}

static int Positive(int value, string option) =>
    value > 0 ? value : throw new ArgumentException($"{option} must be a positive number, not {value}.");

internal static class Comparison
{
    public static async Task RunAsync(BenchSettings settings)
    {
        byte[]? captured = null;
        await using var host = await BenchHost.StartAsync(
            serveLayer: settings.Target is null,
            () => captured ?? throw new InvalidOperationException("The response has not been captured yet."));
        var measuredBase = settings.Target ?? host.Address;
        var framedRequest = GrpcFrame.Of(settings.RequestMessage);
        captured = await ResponseCapture.CaptureAsync(measuredBase, settings.Path, framedRequest, settings.Headers);

        var bodyFile = Path.Combine(Path.GetTempPath(), "nc-bench-request-" + Guid.NewGuid().ToString("N") + ".bin");
        await File.WriteAllBytesAsync(bodyFile, framedRequest);
        // With --baseline the baseline is another gRPC server (its own request when --baseline-body is given); else the bare handler.
        var baselineBodyFile = settings.BaselineRequestMessage is null ? bodyFile : Path.Combine(Path.GetTempPath(), "nc-bench-request-" + Guid.NewGuid().ToString("N") + ".bin");
        if (settings.BaselineRequestMessage is { } baselineMessage)
        {
            await File.WriteAllBytesAsync(baselineBodyFile, GrpcFrame.Of(baselineMessage));
        }

        try
        {
            var bareUrl = settings.Baseline is { } baselineServer ? new Uri(baselineServer, settings.Path) : new Uri(host.Address, BenchHost.BarePath);
            var measuredUrl = new Uri(measuredBase, settings.Path);
            Console.Error.WriteLine($"baseline {bareUrl}, measured {measuredUrl}, response {captured.Length} bytes; warming up");
            await H2LoadRun.ExecuteAsync(settings, bareUrl, baselineBodyFile, settings.WarmupRequests);
            await H2LoadRun.ExecuteAsync(settings, measuredUrl, bodyFile, settings.WarmupRequests);

            var baseline = new List<H2LoadRun>();
            var measured = new List<H2LoadRun>();
            for (var round = 0; round < settings.Rounds; round++)
            {
                // Alternate who goes first so drift on a noisy machine does not favour one side.
                var bareFirst = round % 2 == 0;
                var first = await Checked(settings, bareFirst ? bareUrl : measuredUrl, bareFirst ? baselineBodyFile : bodyFile);
                var second = await Checked(settings, bareFirst ? measuredUrl : bareUrl, bareFirst ? bodyFile : baselineBodyFile);
                baseline.Add(bareFirst ? first : second);
                measured.Add(bareFirst ? second : first);
                Console.Error.WriteLine($"round {round + 1}/{settings.Rounds}: baseline {baseline[^1].RequestsPerSecond:F0} req/s, measured {measured[^1].RequestsPerSecond:F0} req/s");
            }

            var subject = settings.Target is null ? "Grpc.AspNetCore unary call (in-process)" : $"{settings.Path} at {settings.Target}";
            var baselineName = settings.Baseline is null ? "bare Kestrel" : $"baseline {settings.Baseline}";
            Console.WriteLine(ComparisonReport.Render(subject, baselineName, settings, baseline, measured));
        }
        finally
        {
            File.Delete(bodyFile);
            File.Delete(baselineBodyFile);
        }
    }

    private static async Task<H2LoadRun> Checked(BenchSettings settings, Uri url, string bodyFile)
    {
        var run = await H2LoadRun.ExecuteAsync(settings, url, bodyFile, settings.Requests);
        return run.Failed == 0 && run.Succeeded == settings.Requests
            ? run
            : throw new InvalidOperationException($"h2load against {url}: {run.Succeeded} succeeded, {run.Failed} failed of {settings.Requests}.");
    }
}
