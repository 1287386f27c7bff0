using Google.Protobuf;
using NordeaConnect.Contracts;
using NordeaConnect.Grains.V1;
using Grpc.Net.Client;

namespace NordeaConnect.Bench.Load;

/// <summary>
/// For h2load against a running gateway: creates one card payment through it and writes the serialized
/// <c>GetTransactionRequest</c> for that payment (5-minute staleness, so every Get after the first is served
/// from the grain's cache) to a file, for <c>NordeaConnect.Bench.Grpc --target ... --body FILE</c>.
/// </summary>
internal static class CachedGetRequest
{
    public static async Task<int> PrepareAsync(Uri target, string token, string outputPath)
    {
        using var channel = GrpcChannel.ForAddress(target);
        var created = await new TransactionsClient(channel).CreateAsync(
            new CreateTransactionRequest
            {
                PaymentRef = "h2load-" + Guid.NewGuid().ToString("N")[..5],
                Amount = "125.00",
                Currency = "sek",
                Test = true,
                CardHolder = "Bench Mark",
                CardNumber = "4111111111111111",
                CardExpiry = "1230",
                CardCvv = "123",
                CardType = "VISA",
            },
            GatewayHeaders.For(token)).ResponseAsync;
        var request = new GetTransactionRequest { Id = created.Transaction.Id, Read = new ReadOptions { MaxStalenessMs = 300_000 } };
        await File.WriteAllBytesAsync(outputPath, request.ToByteArray());
        Console.WriteLine("transaction " + created.Transaction.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) + " -> " + outputPath);
        return 0;
    }
}
