using Microsoft.Extensions.Logging;

namespace NordeaConnect.Client.Tests.Stub;

/// <summary>Clients pointed at a stub, with resilience settings small enough for tests.</summary>
public static class TestClients
{
    public const string MerchantId = "3";
    public const string ApiPassword = "password";
    public const string HashSecret = "secret";

    public static NordeaConnectClientOptions Options(Uri baseAddress, Action<NordeaConnectClientOptions>? adjust = null)
    {
        var options = new NordeaConnectClientOptions
        {
            BaseAddress = baseAddress,
            MerchantId = MerchantId,
            ApiPassword = ApiPassword,
            HashSecret = HashSecret,
            // Generous: a test machine shared with other builds can stall a loopback answer for seconds.
            AttemptTimeout = TimeSpan.FromSeconds(15),
            TotalTimeout = TimeSpan.FromSeconds(40),
            MaxRetryAttempts = 2,
            RetryBaseDelay = TimeSpan.FromMilliseconds(10),
            RetryMaxDelay = TimeSpan.FromMilliseconds(50),
            CircuitBreakerMinimumThroughput = 100,
        };
        adjust?.Invoke(options);
        return options;
    }

    public static NordeaConnectClient For(Uri baseAddress, Action<NordeaConnectClientOptions>? adjust = null, ILoggerFactory? loggerFactory = null) =>
        NordeaConnectClient.Create(Options(baseAddress, adjust), loggerFactory);
}
