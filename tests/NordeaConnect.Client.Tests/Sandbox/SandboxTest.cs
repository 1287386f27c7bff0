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
    protected static TransactionCreateOptions CardPayment(PaymentRef paymentRef, string amount, bool authorize = false, JsonObject? metadata = null, string currency = "sek", string? customerRef = null, IReadOnlyList<WebhookDefinition>? webhooks = null) =>
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
            Webhooks = webhooks,
        };

    /// <summary>A processed card payment in test mode.</summary>
    protected Task<Transaction> PayAsync(string amount, bool authorize = false, JsonObject? metadata = null, string currency = "sek", string? customerRef = null, RequestOptions? requestOptions = null) =>
        Client.Transactions.CreateAsync(CardPayment(NextPaymentRef(), amount, authorize, metadata, currency, customerRef), requestOptions);

    /// <summary>
    /// Pays a prepared transaction through the sandbox's checkout (standing in for the Payment Window, which is the
    /// only way the reference gives to store a card or start a subscription). Returns the stored card and subscription ids.
    /// </summary>
    protected async Task<(long? StoredCardId, long? SubscriptionId)> CheckoutAsync(Transaction prepared, string customerRef, long? planId = null)
    {
        Assert.False(string.IsNullOrEmpty(prepared.Href), "A prepared transaction (process=false) carries a payment link.");
        using var http = new HttpClient();
        var fields = new Dictionary<string, string>
        {
            ["card_number"] = VisaCard,
            ["card_holder"] = "Anna Andersson",
            ["card_cvv"] = "123",
            ["card_expiry"] = "1230",
            ["store_card"] = "true",
            ["customer_ref"] = customerRef,
        };
        if (planId is { } plan)
        {
            fields["plan_id"] = plan.ToString(CultureInfo.InvariantCulture);
        }

        using var response = await http.PostAsync(prepared.Href, new FormUrlEncodedContent(fields));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        using var document = System.Text.Json.JsonDocument.Parse(body);
        static long? IdOf(System.Text.Json.JsonElement root, string name) =>
            root.TryGetProperty(name, out var value) && value.ValueKind == System.Text.Json.JsonValueKind.Object ? value.GetProperty("id").GetInt64() : null;
        return (IdOf(document.RootElement, "stored_card"), IdOf(document.RootElement, "subscription"));
    }

    /// <summary>A payment prepared without processing (process=false), to be paid at checkout.</summary>
    protected Task<Transaction> PrepareAsync(string amount, string currency = "sek") =>
        Client.Transactions.CreateAsync(new TransactionCreateOptions
        {
            PaymentRef = NextPaymentRef(),
            Amount = Amount.Parse(amount),
            Currency = CurrencyCode.Parse(currency),
            Test = true,
            Process = false,
        });

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
