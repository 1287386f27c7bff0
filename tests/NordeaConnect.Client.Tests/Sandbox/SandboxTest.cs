using System.Globalization;
using System.Text.Json.Nodes;
using NordeaConnect.Client.Tests.Stub;
using NordeaConnect.Primitives;
using NordeaConnect.Sandbox.Hosting;

namespace NordeaConnect.Client.Tests.Sandbox;

/// <summary>
/// A fresh sandbox per test (xUnit makes one instance per test), on 127.0.0.1 over real HTTP, and a client for its
/// merchant with retry delays short enough for tests.
/// </summary>
public abstract class SandboxTest : IAsyncLifetime
{
    /// <summary>A Visa test number with a valid Luhn digit.</summary>
    protected const string VisaCard = "4111111111111111";

    private int _paymentRefs;

    protected RunningSandbox Sandbox { get; private set; } = null!;

    protected NordeaConnectClient Client { get; private set; } = null!;

    protected RecordingLoggerProvider Logs { get; } = new();

    public virtual async Task InitializeAsync()
    {
        Sandbox = await SandboxServer.StartAsync();
        Client = CreateClient();
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Sandbox.DisposeAsync();
        Logs.Dispose();
    }

    protected NordeaConnectClient CreateClient(Action<NordeaConnectClientOptions>? adjust = null) =>
        NordeaConnectClient.Create(
            TestClients.Options(Sandbox.BaseAddress, options =>
            {
                options.MerchantId = Sandbox.Merchant.Id;
                options.ApiPassword = Sandbox.Merchant.Password;
                options.HashSecret = Sandbox.Merchant.HashSecret;
                adjust?.Invoke(options);
            }),
            Logs);

    protected PaymentRef NextPaymentRef() =>
        PaymentRef.Parse(string.Create(CultureInfo.InvariantCulture, $"ord-{Interlocked.Increment(ref _paymentRefs)}"));

    /// <summary>A card payment in test mode, as the sandbox accepts it.</summary>
    protected static TransactionCreateOptions CardPayment(PaymentRef paymentRef, string amount, bool authorize = false, JsonObject? metadata = null, string currency = "sek", string? customerRef = null) =>
        new()
        {
            PaymentRef = paymentRef,
            Amount = Amount.Parse(amount),
            Currency = CurrencyCode.Parse(currency),
            Test = true,
            CustomerRef = customerRef,
            CardNumber = VisaCard,
            CardHolder = "Anna Andersson",
            CardCvv = "123",
            CardExpiry = "1230",
            CardType = CardTypes.Visa,
            Authorize = authorize ? true : null,
            Metadata = metadata,
        };

    /// <summary>A processed card payment in test mode.</summary>
    protected Task<Transaction> PayAsync(string amount, bool authorize = false, JsonObject? metadata = null, string currency = "sek", string? customerRef = null, RequestOptions? requestOptions = null) =>
        Client.Transactions.CreateAsync(CardPayment(NextPaymentRef(), amount, authorize, metadata, currency, customerRef), requestOptions);

    protected static async Task<List<T>> AllAsync<T>(IAsyncEnumerable<T> items)
    {
        var all = new List<T>();
        await foreach (var item in items)
        {
            all.Add(item);
        }

        return all;
    }
}
