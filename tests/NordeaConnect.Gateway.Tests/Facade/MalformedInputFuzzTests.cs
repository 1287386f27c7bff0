using System.Buffers.Binary;
using System.Net.Sockets;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Health.V1;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Grpc.Net.Client;
using NordeaConnect.Gateway.Hosting;
using NordeaConnect.Gateway.Tests.EndToEnd;
using NordeaConnect.Grains.V1;

namespace NordeaConnect.Gateway.Tests.Facade;

/// <summary>
/// Throws 10,000 malformed gRPC requests (broken frames, bad flags, lying lengths, mangled protobuf, bogus
/// compression) and a few hundred connections of raw HTTP/2 garbage at a gateway of its own, then checks it still
/// serves. Seeded, so a failure reproduces. The requests carry a valid token, so they reach decoding and validation.
/// </summary>
public sealed class MalformedInputFuzzTests
{
    private const int Seed = 20261121;
    private const int Requests = 10_000;
    private const int RawConnections = 300;

    // What a malformed request may end with, always with a result code. UNKNOWN would mean a fault went unanswered.
    private static readonly HashSet<string> AllowedStatuses = ["0", "3", "5", "8", "12"];

    private static readonly string[] Paths =
    [
        "/nordeaconnect.grains.v1.Transactions/Get",
        "/nordeaconnect.grains.v1.Refunds/Get",
        "/grpc.health.v1.Health/Check",
        "/nordeaconnect.grains.v1.Transactions/NoSuchMethod",
    ];

    [Fact]
    public async Task The_gateway_answers_every_malformed_request_with_a_gRPC_status_and_keeps_serving()
    {
        var logs = new CapturingLoggerProvider();
        await using var gateway = await FuzzedGateway.StartAsync(logs);
        using var raw = new RawGrpcRequest();
        var random = new Random(Seed);
        var cases = Enumerable.Range(0, Requests).Select(i => MakeCase(i, random)).ToArray();
        var unexpected = new System.Collections.Concurrent.ConcurrentBag<string>();
        var seen = new System.Collections.Concurrent.ConcurrentDictionary<string, int>();

        await Parallel.ForEachAsync(cases, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (fuzz, _) =>
        {
            var response = await raw.SendAsync(gateway.Address, fuzz.Path, fuzz.Body, headers: [.. fuzz.Headers, ("authorization", "Bearer " + GatewayFixture.AllScopes)]);
            if (response.HttpStatus != System.Net.HttpStatusCode.OK || response.GrpcStatus is not { } status || !AllowedStatuses.Contains(status)
                || (status != "0" && response.ResultCode is null))
            {
                unexpected.Add($"{fuzz.Kind} to {fuzz.Path}: HTTP {(int)response.HttpStatus}, grpc-status {response.GrpcStatus ?? "none"}, result {response.ResultCode ?? "none"}, {response.GrpcMessage}");
            }

            seen.AddOrUpdate(response.GrpcStatus ?? "none", 1, (_, n) => n + 1);
        });

        var rawRandom = new Random(Seed + 1);
        for (var i = 0; i < RawConnections; i++)
        {
            await SendRawHttp2GarbageAsync(gateway.Address, rawRandom);
        }

        Assert.True(unexpected.IsEmpty, string.Join(Environment.NewLine, unexpected.Take(20)));
        // The inputs reach every refusal path, not just the first check: decoding, size, routing, validation and success.
        Assert.All(AllowedStatuses, status => Assert.True(seen.ContainsKey(status), $"no request ended with grpc-status {status}: {string.Join(", ", seen)}"));
        Assert.DoesNotContain(logs.Entries, e => e.Level >= LogLevel.Error && e.Category.StartsWith("NordeaConnect", StringComparison.Ordinal));
        using var channel = GrpcChannel.ForAddress(gateway.Address);
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, (await new Health.HealthClient(channel).CheckAsync(new HealthCheckRequest())).Status);
        var refused = await Assert.ThrowsAsync<RpcException>(() => new TransactionsClient(channel).GetAsync(new GetTransactionRequest { Id = -1 }, GatewayFixture.As()).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
    }

    private static FuzzCase MakeCase(int index, Random random)
    {
        var path = Paths[random.Next(Paths.Length)];
        // Non-positive ids are refused before any upstream call, so the fuzz stays on the façade.
        var valid = path.Contains("Health", StringComparison.Ordinal)
            ? new HealthCheckRequest { Service = random.Next(2) == 0 ? string.Empty : "fuzz" }.ToByteArray()
            : new GetTransactionRequest { Id = -random.Next(0, 1000) }.ToByteArray();
        return (index % 10) switch
        {
            0 => new FuzzCase("random body", path, RandomBytes(random, 0, 64), []),
            1 => new FuzzCase("truncated frame", path, RawGrpcRequest.Frame(valid)[..random.Next(1, valid.Length + 5)], []),
            2 => new FuzzCase("random protobuf", path, RawGrpcRequest.Frame(RandomBytes(random, 0, 128)), []),
            3 => new FuzzCase("bit-flipped protobuf", path, RawGrpcRequest.Frame(FlipBits(valid, random)), []),
            4 => new FuzzCase("compressed garbage", path, RawGrpcRequest.Frame(RandomBytes(random, 0, 64), compressed: true), random.Next(3) switch
            {
                0 => [],
                1 => [("grpc-encoding", "gzip")],
                _ => [("grpc-encoding", "br")],
            }),
            5 => new FuzzCase("lying length", path, LyingLength(valid, random), []),
            6 => new FuzzCase("several frames", path, [.. RawGrpcRequest.Frame(valid), .. RawGrpcRequest.Frame(RandomBytes(random, 0, 16))], []),
            7 => new FuzzCase("bad flag", path, BadFlag(valid, random), []),
            8 => new FuzzCase("random wire types", path, RawGrpcRequest.Frame(RandomFields(random)), []),
            _ => new FuzzCase("bad headers", path, RawGrpcRequest.Frame(valid), [
                ("grpc-timeout", RandomAscii(random, 1, 12)),
                ("x-" + RandomKey(random) + "-bin", RandomAscii(random, 0, 20)),
                ("x" + RandomHeaderName(random), RandomAscii(random, 0, 20)),
            ]),
        };
    }

    private static byte[] RandomBytes(Random random, int min, int max)
    {
        var bytes = new byte[random.Next(min, max + 1)];
        random.NextBytes(bytes);
        return bytes;
    }

    private static byte[] FlipBits(byte[] message, Random random)
    {
        var copy = (byte[])message.Clone();
        for (var i = random.Next(1, 6); i > 0 && copy.Length > 0; i--)
        {
            copy[random.Next(copy.Length)] ^= (byte)(1 << random.Next(8));
        }

        return copy;
    }

    private static byte[] LyingLength(byte[] message, Random random)
    {
        var frame = RawGrpcRequest.Frame(message);
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(1), (uint)random.NextInt64(0, uint.MaxValue + 1L));
        return frame;
    }

    private static byte[] BadFlag(byte[] message, Random random)
    {
        var frame = RawGrpcRequest.Frame(message);
        frame[0] = (byte)random.Next(2, 256);
        return frame;
    }

    /// <summary>Syntactically plausible protobuf: random field numbers and wire types, lengths that may lie.</summary>
    private static byte[] RandomFields(Random random)
    {
        using var stream = new MemoryStream();
        var output = new CodedOutputStream(stream);
        for (var i = random.Next(1, 8); i > 0; i--)
        {
            var field = random.Next(1, 20);
            var wireType = random.Next(0, 8);
            output.WriteTag((uint)((field << 3) | wireType));
            switch (wireType)
            {
                case 0: output.WriteUInt64((ulong)random.NextInt64()); break;
                case 1: output.WriteFixed64((ulong)random.NextInt64()); break;
                case 2: output.WriteLength(random.Next(0, 40)); WriteRaw(RandomBytes(random, 0, 20)); break;
                case 5: output.WriteFixed32((uint)random.Next()); break;
                default: WriteRaw(RandomBytes(random, 0, 4)); break;
            }
        }

        output.Flush();
        return stream.ToArray();

        void WriteRaw(byte[] bytes)
        {
            output.Flush();
            stream.Write(bytes);
        }
    }

    private static string RandomAscii(Random random, int min, int max) =>
        new(Enumerable.Range(0, random.Next(min, max + 1)).Select(_ => (char)random.Next(0x21, 0x7F)).ToArray());

    /// <summary>Any HTTP token characters, including those gRPC metadata keys may not use.</summary>
    private static string RandomHeaderName(Random random)
    {
        const string tokenCharacters = "!#$%&'*+-.^_`|~abcdefghijklmnopqrstuvwxyz0123456789";
        return new(Enumerable.Range(0, random.Next(1, 10)).Select(_ => tokenCharacters[random.Next(tokenCharacters.Length)]).ToArray());
    }

    private static string RandomKey(Random random) =>
        new(Enumerable.Range(0, random.Next(1, 8)).Select(_ => (char)random.Next('a', 'z' + 1)).ToArray());

    /// <summary>The HTTP/2 preface, then random frame headers and payloads on a raw socket.</summary>
    private static async Task SendRawHttp2GarbageAsync(Uri address, Random random)
    {
        using var socket = new TcpClient();
        await socket.ConnectAsync(address.Host, address.Port);
        var stream = socket.GetStream();
        try
        {
            await stream.WriteAsync("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"u8.ToArray());
            for (var frames = random.Next(1, 5); frames > 0; frames--)
            {
                var payload = RandomBytes(random, 0, 48);
                var header = new byte[9];
                header[0] = 0;
                header[1] = (byte)(payload.Length >> 8);
                header[2] = (byte)payload.Length;
                header[3] = (byte)random.Next(0, 12);
                header[4] = (byte)random.Next(256);
                BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(5), (uint)random.Next(0, 8));
                await stream.WriteAsync(header);
                await stream.WriteAsync(payload);
            }
        }
        catch (IOException)
        {
            // The server hung up on the garbage, which is what it should do.
        }
    }

    private sealed record FuzzCase(string Kind, string Path, byte[] Body, (string Name, string Value)[] Headers);
}

/// <summary>A gateway for the fuzz alone, logging into <see cref="CapturingLoggerProvider"/>.</summary>
internal sealed class FuzzedGateway : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly UpstreamConnection _upstream;

    private FuzzedGateway(WebApplication app, UpstreamConnection upstream, Uri address)
    {
        _app = app;
        _upstream = upstream;
        Address = address;
    }

    public Uri Address { get; }

    public static async Task<FuzzedGateway> StartAsync(ILoggerProvider logs)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(GatewayFixture.Configuration)
            .AddInMemoryCollection([new(GatewaySettings.WebhookRegisterKey, "false"), new(GatewaySettings.WebhookUrlsKey, "http://127.0.0.1:" + Notifications.Infrastructure.GatewayTestHost.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture))])
            .Build();
        var settings = GatewaySettings.Read(configuration);
        var upstream = await UpstreamConnection.StartAsync(settings);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders().AddProvider(logs);
        builder.WebHost.ListenForGrpc(settings);
        builder.Services.AddNordeaConnectUpstream(upstream);
        // Several gateways run in this process: each takes free Orleans ports.
        builder.Configuration.AddInMemoryCollection([new(GatewayOrleansSettings.SiloPortKey, "0"), new(GatewayOrleansSettings.GatewayPortKey, "0")]);
        builder.UseGatewayOrleans(settings);
        builder.Services.AddGatewayFacade(settings.Tokens);
        var app = builder.Build();
        app.MapGatewayFacade();
        await app.StartAsync();
        return new FuzzedGateway(app, upstream, new Uri(app.Urls.First()));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        await _upstream.DisposeAsync();
    }
}
