using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NordeaConnect.Client.Tests.Stub;

namespace NordeaConnect.Client.Tests.Registration;

public sealed class RegistrationTests
{
    private static IConfiguration Configuration(params (string Key, string? Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(pair => new KeyValuePair<string, string?>(pair.Key, pair.Value))).Build();

    [Fact]
    public async Task Bound_from_configuration_the_client_resolves_and_calls_the_upstream()
    {
        await using var stub = await StubUpstream.StartAsync("""{"id":443,"amount":"480.0"}""");
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddNordeaConnectClient(Configuration(
            ("NordeaConnect:BaseAddress", stub.BaseAddress.ToString()),
            ("NordeaConnect:MerchantId", "3"),
            ("NordeaConnect:ApiPassword", "password"),
            ("NordeaConnect:HashSecret", "secret"),
            ("NordeaConnect:Locale", "en"),
            ("NordeaConnect:AttemptTimeout", "00:00:04"),
            ("NordeaConnect:MaxRetryAttempts", "1")));
        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        provider.GetRequiredService<IStartupValidator>().Validate();
        var client = provider.GetRequiredService<INordeaConnectClient>();
        var transaction = await client.Transactions.GetAsync(443);

        Assert.Equal(443, transaction.Id);
        Assert.Equal(TimeSpan.FromSeconds(4), provider.GetRequiredService<IOptions<NordeaConnectClientOptions>>().Value.AttemptTimeout);
        Assert.Equal("locale=en", Assert.Single(stub.Requests).RawQuery);
        Assert.NotNull(provider.GetRequiredService<IHttpClientFactory>().CreateClient(NordeaConnectServiceCollectionExtensions.HttpClientName));
    }

    [Fact]
    public async Task Registered_in_code_every_service_resolves_behind_its_interface()
    {
        await using var stub = await StubUpstream.StartAsync("""[]""", contentRange: "items */0");
        var services = new ServiceCollection();
        services.AddNordeaConnectClient(options =>
        {
            options.BaseAddress = stub.BaseAddress;
            options.MerchantId = "3";
            options.ApiPassword = "password";
            options.HashSecret = "secret";
        });
        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });

        provider.GetRequiredService<IStartupValidator>().Validate();
        var client = provider.GetRequiredService<INordeaConnectClient>();
        var page = await provider.GetRequiredService<IWebhookService>().ListAsync();

        Assert.IsType<TransactionService>(provider.GetRequiredService<ITransactionService>());
        Assert.IsType<RefundService>(client.Refunds);
        Assert.IsType<StoredCardService>(client.StoredCards);
        Assert.IsType<PlanService>(client.Plans);
        Assert.IsType<SubscriptionService>(client.Subscriptions);
        Assert.IsType<CustomerService>(client.Customers);
        Assert.IsType<WebhookTemplateService>(client.WebhookTemplates);
        Assert.IsType<WebhookService>(client.Webhooks);
        Assert.Equal(0, page.Total);
        Assert.Equal("/v1/webhooks", Assert.Single(stub.Requests).Path);
    }

    [Fact]
    public void Start_up_validation_names_every_missing_setting_and_how_to_fix_it()
    {
        var services = new ServiceCollection();
        services.AddNordeaConnectClient(Configuration(("NordeaConnect:Locale", "de"), ("NordeaConnect:MaxRetryAttempts", "50")));
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        var message = string.Join('\n', error.Failures);
        Assert.Contains("NordeaConnect:BaseAddress is missing", message, StringComparison.Ordinal);
        Assert.Contains("NordeaConnect:MerchantId is missing", message, StringComparison.Ordinal);
        Assert.Contains("NordeaConnect:ApiPassword is missing", message, StringComparison.Ordinal);
        Assert.Contains("NordeaConnect__ApiPassword", message, StringComparison.Ordinal);
        Assert.Contains("NordeaConnect:HashSecret is missing", message, StringComparison.Ordinal);
        Assert.Contains("NordeaConnect:Locale 'de' is not supported", message, StringComparison.Ordinal);
        Assert.Contains("NordeaConnect:MaxRetryAttempts is 50", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://api.example.com", "uses plain http")]
    [InlineData("https://api.nordeaconnect.com/v1", "ends with the API version")]
    [InlineData("ftp://api.nordeaconnect.com", "must use https")]
    [InlineData("https://user:pw@api.nordeaconnect.com", "must not carry user info")]
    public void Base_addresses_that_cannot_work_are_refused(string address, string expected)
    {
        var options = TestClients.Options(new Uri(address));

        var error = Assert.Throws<OptionsValidationException>(() => NordeaConnectClient.Create(options));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://127.0.0.1:5000", false)]
    [InlineData("http://localhost:5000", false)]
    [InlineData("http://[::1]:5000", false)]
    [InlineData("http://sandbox.internal:5000", true)]
    [InlineData("https://api.nordeaconnect.com", false)]
    public void Plain_http_is_allowed_for_loopback_or_when_explicitly_allowed(string address, bool needsAllowance)
    {
        Assert.Equal(needsAllowance, NordeaConnectClientOptionsValidator.Check(TestClients.Options(new Uri(address))).Count > 0);
        Assert.Empty(NordeaConnectClientOptionsValidator.Check(TestClients.Options(new Uri(address), options => options.AllowInsecureHttp = true)));
    }

    [Fact]
    public void A_circuit_sampling_window_shorter_than_two_attempts_is_refused_at_start_naming_both_settings()
    {
        var options = TestClients.Options(new Uri("https://api.nordeaconnect.com"), o =>
        {
            o.AttemptTimeout = TimeSpan.FromSeconds(10);
            o.CircuitBreakerSamplingDuration = TimeSpan.FromSeconds(15);
        });

        var error = Assert.Throws<OptionsValidationException>(() => NordeaConnectClient.Create(options));

        Assert.Contains("NordeaConnect:CircuitBreakerSamplingDuration (00:00:15) is shorter than twice NordeaConnect:AttemptTimeout (00:00:10)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_password_and_secret_never_appear_in_options_text_or_validation_messages()
    {
        var options = TestClients.Options(new Uri("https://api.nordeaconnect.com"), o =>
        {
            o.ApiPassword = "Sup3rS3cretPw";
            o.HashSecret = "H4shS3cret";
            o.Locale = "xx";
        });

        var text = options.ToString();
        var failures = string.Join('\n', NordeaConnectClientOptionsValidator.Check(options));

        Assert.Contains("[redacted]", text, StringComparison.Ordinal);
        foreach (var secret in new[] { "Sup3rS3cretPw", "H4shS3cret" })
        {
            Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
            Assert.DoesNotContain(secret, failures, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Tls_below_1_2_is_never_offered()
    {
        using var handler = NordeaConnectHttpHandler.Create(TestClients.Options(new Uri("https://api.nordeaconnect.com")));

        Assert.Equal(System.Security.Authentication.SslProtocols.Tls12 | System.Security.Authentication.SslProtocols.Tls13, handler.SslOptions.EnabledSslProtocols);
        Assert.False(handler.AllowAutoRedirect);
    }

    [Fact]
    public async Task Logs_carry_method_path_status_and_correlation_but_no_card_data_or_credentials()
    {
        await using var stub = await StubUpstream.StartAsync("""{"name":"errors.credit_card.missing","code":1,"description":"Credit card is missing"}""", 400);
        using var logs = new RecordingLoggerProvider();
        using var client = TestClients.For(stub.BaseAddress, loggerFactory: logs);

        await Assert.ThrowsAsync<NordeaConnectException>(() => client.Transactions.UpdateAsync(9, new TransactionUpdateOptions { CardNumber = "4111111111111111", CardCvv = "737", CardExpiry = "0130" }, new RequestOptions { CorrelationId = "corr-1" }));

        var line = Assert.Single(logs.Lines, line => line.StartsWith("NordeaConnect.Client.UpstreamCallHandler ", StringComparison.Ordinal));
        Assert.Contains("PUT", line, StringComparison.Ordinal);
        Assert.Contains("v1/transactions/9", line, StringComparison.Ordinal);
        Assert.Contains("400", line, StringComparison.Ordinal);
        Assert.Contains("corr-1", line, StringComparison.Ordinal);
        foreach (var secret in new[] { "4111111111111111", "737", "0130", "password", "secret", "Basic " })
        {
            Assert.All(logs.Lines, any => Assert.DoesNotContain(secret, any, StringComparison.Ordinal));
        }

        Assert.Equal("corr-1", Assert.Single(stub.Requests).CorrelationId);
    }

    [Fact]
    public async Task A_substitute_wire_drives_the_services_without_http()
    {
        var wire = new RecordingRefundsApi();
        var refunds = new RefundService(wire, Options.Create(TestClients.Options(new Uri("https://api.nordeaconnect.com"), options => options.Locale = Locales.Swedish)));

        var refund = await refunds.GetAsync(30, GetOptions.Extending("transaction"));
        await refunds.CreateAsync(new RefundCreateOptions { TransactionId = 7510, Amount = NordeaConnect.Primitives.Amount.Parse("5.00"), Reason = "r" }, new RequestOptions { Locale = Locales.English });

        Assert.Equal(30, refund.Id);
        Assert.Equal(["GET 30 extend=transaction locale=sv", "POST 7510 5.00 locale=en"], wire.Calls);
    }

    private sealed class RecordingRefundsApi : IRefundsApi
    {
        public List<string> Calls { get; } = [];

        public Task<Refund> CreateAsync(RefundForm form, string? locale, RequestOptions? requestOptions, CancellationToken cancellationToken)
        {
            Calls.Add($"POST {form.TransactionId} {form.Amount} locale={locale}");
            return Task.FromResult(new Refund { Id = 1 });
        }

        public Task<Refund> GetAsync(long id, string? extend, string? locale, RequestOptions? requestOptions, CancellationToken cancellationToken)
        {
            Calls.Add($"GET {id} extend={extend} locale={locale}");
            return Task.FromResult(new Refund { Id = id });
        }

        public Task<Refit.IApiResponse<Refund[]>> ListAsync(ListOptions? query, string? locale, RequestOptions? requestOptions, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("Not called by this test.");
    }
}
