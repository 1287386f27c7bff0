using System.Net;
using System.Text.Json.Nodes;
using NordeaConnect.Primitives;

namespace NordeaConnect.Client.Tests.Sandbox;

public sealed class TransactionSandboxTests : SandboxTest
{
    [Fact]
    public async Task A_card_payment_is_created_with_a_valid_hash_and_shown_again()
    {
        var created = await PayAsync("480.00", metadata: new JsonObject { ["user"] = new JsonObject { ["email"] = "anna@example.com" } });
        var shown = await Client.Transactions.GetAsync(created.Id);

        Assert.Equal("approved", created.Status);
        Assert.Equal(Amount.Parse("480.00"), shown.Amount);
        Assert.Equal(CurrencyCode.Sek, shown.Currency);
        Assert.Equal(created.PaymentRef, shown.PaymentRef);
        Assert.True(shown.Test);
        Assert.Equal("411111******1111", shown.CardNumber);
        Assert.NotNull(shown.Cost?.Total);
        Assert.Equal("anna@example.com", shown.Metadata!.Value.GetProperty("user").GetProperty("email").GetString());
        Assert.Equal(Sandbox.Merchant.Id, shown.MerchantId);
    }

    [Fact]
    public async Task A_wrong_hash_secret_is_refused_by_the_upstream()
    {
        using var wrongSecret = CreateClient(options => options.HashSecret = "not-the-secret");

        var error = await Assert.ThrowsAsync<NordeaConnectException>(() => wrongSecret.Transactions.CreateAsync(new TransactionCreateOptions
        {
            PaymentRef = NextPaymentRef(),
            Amount = Amount.Parse("10.00"),
            Currency = CurrencyCode.Sek,
            Test = true,
            CardNumber = VisaCard,
            CardCvv = "123",
            CardExpiry = "1230",
        }));

        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Equal("errors.hash.invalid", error.UpstreamError!.Name);
        Assert.Equal(ResultCodeKind.UpstreamValidation, error.ResultCode.Kind);
        Assert.DoesNotContain(VisaCard, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_prepared_payment_has_a_link_and_is_paid_by_update()
    {
        var prepared = await Client.Transactions.CreateAsync(new TransactionCreateOptions
        {
            PaymentRef = NextPaymentRef(),
            Amount = Amount.Parse("25.00"),
            Currency = CurrencyCode.Eur,
            Test = true,
            Process = false,
        });

        var paid = await Client.Transactions.UpdateAsync(prepared.Id, new TransactionUpdateOptions
        {
            CardNumber = VisaCard,
            CardHolder = "Anna Andersson",
            CardCvv = "123",
            CardExpiry = "1230",
            CardType = CardTypes.Visa,
        });

        Assert.NotEqual("approved", prepared.Status);
        Assert.False(string.IsNullOrEmpty(prepared.Href));
        Assert.Equal(prepared.Id, paid.Id);
        Assert.Equal("approved", paid.Status);
    }

    [Fact]
    public async Task Metadata_is_merged_into_a_processed_payment()
    {
        var paid = await PayAsync("10.00", metadata: new JsonObject { ["user"] = "anna" });

        var updated = await Client.Transactions.UpdateAsync(paid.Id, new TransactionUpdateOptions
        {
            Process = false,
            Metadata = new JsonObject { ["shop_order"] = new JsonObject { ["id"] = "123123" } },
        });

        Assert.Equal("anna", updated.Metadata!.Value.GetProperty("user").GetString());
        Assert.Equal("123123", updated.Metadata.Value.GetProperty("shop_order").GetProperty("id").GetString());
    }

    [Fact]
    public async Task An_authorized_payment_is_captured_in_part_and_a_second_capture_beyond_it_is_refused()
    {
        var authorized = await PayAsync("100.00", authorize: true);

        var captured = await Client.Transactions.CaptureAsync(authorized.Id, new TransactionCaptureOptions { Amount = Amount.Parse("60.00") });
        var error = await Assert.ThrowsAsync<NordeaConnectException>(() => Client.Transactions.CaptureAsync(authorized.Id, new TransactionCaptureOptions { Amount = Amount.Parse("500.00") }));

        Assert.True(authorized.Authorize);
        Assert.Equal(authorized.Id, captured.Id);
        Assert.IsNotType<NordeaConnectOutcomeUnknownException>(error);
        Assert.NotNull(error.UpstreamError?.Name);
        Assert.Equal(ResultCodeKind.UpstreamValidation, error.ResultCode.Kind);
    }

    [Fact]
    public async Task A_simulated_failure_comes_back_as_the_error_of_the_table()
    {
        var failing = new JsonObject { ["nordeaconnect_instructions"] = new JsonObject { ["fail_as_code"] = "errors.rules_parser.declined" } };

        var error = await Assert.ThrowsAsync<NordeaConnectException>(() => PayAsync("10.00", metadata: failing));

        Assert.Equal("errors.rules_parser.declined", error.UpstreamError!.Name);
        Assert.Equal(261, error.UpstreamError.Code);
        Assert.Equal(UpstreamErrorTable.Get(261).ResultCode, error.ResultCode);
    }

    [Fact]
    public async Task Errors_come_in_english_or_swedish_as_asked()
    {
        var english = await Assert.ThrowsAsync<NordeaConnectException>(() => Client.Transactions.GetAsync(987654, requestOptions: new RequestOptions { Locale = Locales.English }));
        var swedish = await Assert.ThrowsAsync<NordeaConnectException>(() => Client.Transactions.GetAsync(987654, requestOptions: new RequestOptions { Locale = Locales.Swedish }));
        using var swedishByDefault = CreateClient(options => options.Locale = Locales.Swedish);
        var defaulted = await Assert.ThrowsAsync<NordeaConnectException>(() => swedishByDefault.Refunds.GetAsync(987654));

        Assert.Equal(HttpStatusCode.NotFound, english.StatusCode);
        Assert.Equal(ResultCode.UpstreamNotFound, english.ResultCode);
        Assert.Equal(english.UpstreamError!.Name, swedish.UpstreamError!.Name);
        Assert.Equal(english.UpstreamError.Code, swedish.UpstreamError.Code);
        Assert.NotEqual(english.UpstreamError.Description, swedish.UpstreamError.Description);
        Assert.Contains("987654", english.UpstreamError.Description, StringComparison.Ordinal);
        Assert.Contains("Det finns ingen", swedish.UpstreamError.Description, StringComparison.Ordinal);
        Assert.Contains("Det finns ingen", defaulted.UpstreamError!.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wrong_credentials_map_to_an_authentication_failure()
    {
        using var wrongPassword = CreateClient(options => options.ApiPassword = "wrong-password");

        var error = await Assert.ThrowsAsync<NordeaConnectException>(() => wrongPassword.Transactions.ListAsync());

        Assert.True(error.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden);
        Assert.Equal(ResultCode.UpstreamAuthenticationFailed, error.ResultCode);
        Assert.DoesNotContain("wrong-password", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Logs.Lines, line => line.Contains("wrong-password", StringComparison.Ordinal));
    }
}
