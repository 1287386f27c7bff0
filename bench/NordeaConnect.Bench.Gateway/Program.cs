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
using NordeaConnect.Grains.V1;
using Grpc.Net.Client;

// Starts the gateway in-process as the main command composes it (embedded sandbox, memory storage, 127.0.0.1),
// creates one transaction and reads it once so its grain holds it, then hands the cached Transactions.Get to the
// gRPC layer's h2load harness, which measures it and a bare Kestrel h2c handler returning the same bytes in one run
// and prints both with their ratio. Extra arguments go to that harness (e.g. --rounds 3 --requests 10000).
const string Token = "bench-token-all-scopes-000001";

var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
{
    ["Gateway:Urls"] = "http://127.0.0.1:0",
    ["Gateway:Tokens:0:Name"] = "bench",
    ["Gateway:Tokens:0:Token"] = Token,
    ["Gateway:Tokens:0:Scopes"] = "read write",
}).Build();
var settings = GatewaySettings.Read(configuration);
await using var upstream = await UpstreamConnection.StartAsync(settings);
var builder = WebApplication.CreateSlimBuilder();
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.WebHost.ListenForGrpc(settings);
builder.Services.AddNordeaConnectUpstream(upstream);
builder.UseGatewayOrleans(settings);
builder.Services.AddGatewayFacade(settings.Tokens);
await using var app = builder.Build();
app.MapGatewayFacade();
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
    GatewayHeaders.For(Token));

// A staleness bound longer than the run keeps every measured Get on the grain's cache, never upstream.
var get = new GetTransactionRequest { Id = created.Transaction.Id, Read = new ReadOptions { MaxStalenessMs = (long)TimeSpan.FromHours(1).TotalMilliseconds } };
await transactions.GetAsync(get, GatewayHeaders.For(Token));
var body = Path.GetTempFileName();
await File.WriteAllBytesAsync(body, get.ToByteArray());
try
{
    var harness = Path.Combine(AppContext.BaseDirectory, "NordeaConnect.Bench.Grpc.dll");
    var start = new ProcessStartInfo("dotnet")
    {
        ArgumentList = { harness, "--target", address.GetLeftPart(UriPartial.Authority), "--path", "/nordeaconnect.grains.v1.Transactions/Get", "--body", body, "--header", "authorization: Bearer " + Token },
        UseShellExecute = false,
    };
    foreach (var argument in args)
    {
        start.ArgumentList.Add(argument);
    }

    using var process = Process.Start(start) ?? throw new InvalidOperationException("The h2load harness did not start.");
    await process.WaitForExitAsync();
    Console.WriteLine("(subject: the gateway's cached Transactions.Get, auth and result mapping included; baseline: a bare Kestrel h2c handler returning the same bytes)");
    return process.ExitCode;
}
finally
{
    File.Delete(body);
    await app.StopAsync();
}
