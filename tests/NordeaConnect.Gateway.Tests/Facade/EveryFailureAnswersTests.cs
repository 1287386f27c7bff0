using Grpc.Core;
using NordeaConnect.Contracts;
using NordeaConnect.Gateway.Tests.EndToEnd;
using NordeaConnect.Grains.V1;

namespace NordeaConnect.Gateway.Tests.Facade;

/// <summary>
/// The inputs a new user tried that used to answer UNKNOWN "Exception was thrown by handler." or INTERNAL without a
/// result code: each now answers with its result code, the standard status details and, for invalid arguments, the
/// field at fault.
/// </summary>
[Collection(GatewayCollection.Name)]
public sealed class EveryFailureAnswersTests(GatewayFixture gateway)
{
    [Fact]
    public async Task A_list_filter_on_an_unknown_field()
    {
        var options = new ListOptions();
        options.Filters["no_such_field"] = "x";

        await AssertRefusedAsync(() => gateway.Transactions.ListAsync(new ListTransactionsRequest { Options = options }, GatewayFixture.As()).ResponseAsync, "options.filters");
    }

    [Fact]
    public async Task A_full_card_number_as_a_list_filter_is_refused_before_it_reaches_a_query_string()
    {
        var options = new ListOptions();
        options.Filters["card_number"] = "4111111111111111";

        await AssertRefusedAsync(() => gateway.Transactions.ListAsync(new ListTransactionsRequest { Options = options }, GatewayFixture.As()).ResponseAsync, "options.filters[card_number]");
    }

    [Fact]
    public async Task The_last_four_digits_are_a_filter_a_caller_may_use()
    {
        var options = new ListOptions();
        options.Filters["card_number"] = "*1111";

        var listed = await gateway.Transactions.ListAsync(new ListTransactionsRequest { Options = options }, GatewayFixture.As());

        Assert.Equal("000.000.000", listed.Result.Code);
    }

    [Theory]
    [InlineData("holder\0name")]
    [InlineData("holder\u001bname")]
    public async Task Control_characters_in_text_are_refused_naming_the_field(string holder)
    {
        var request = Orders.CardPayment();
        request.CardHolder = holder;

        await AssertRefusedAsync(() => gateway.Transactions.CreateAsync(request, GatewayFixture.As()).ResponseAsync, "card_holder");
    }

    [Fact]
    public async Task Invalid_utf8_is_refused_not_replaced()
    {
        // payment_ref (field 1) with the bytes 0xC3 0x28, which are not UTF-8.
        using var raw = new RawGrpcRequest();
        var response = await raw.SendAsync(
            new Uri("http://" + gateway.Target),
            "/nordeaconnect.grains.v1.Transactions/Create",
            RawGrpcRequest.Frame([0x0A, 0x02, 0xC3, 0x28]),
            headers: [("authorization", "Bearer " + GatewayFixture.AllScopes)]);

        Assert.Equal("3", response.GrpcStatus);
        Assert.Equal("100.100.001", response.ResultCode);
    }

    [Fact]
    public async Task An_out_of_range_max_staleness()
    {
        var request = new GetTransactionRequest { Id = 1, Read = new ReadOptions { MaxStalenessMs = long.MaxValue } };

        await AssertRefusedAsync(() => gateway.Transactions.GetAsync(request, GatewayFixture.As()).ResponseAsync, "read.max_staleness_ms");
    }

    [Fact]
    public async Task A_customer_ref_longer_than_a_key_may_be()
    {
        var request = new CreateCustomerRequest { Ref = new string('c', 5000) };

        await AssertRefusedAsync(() => gateway.Customers.CreateAsync(request, GatewayFixture.As()).ResponseAsync, "ref");
    }

    [Fact]
    public async Task A_plan_name_longer_than_a_key_may_be()
    {
        var request = new CreatePlanRequest { Name = new string('p', 5000), IntervalUnit = "months", Interval = 1 };
        request.Prices["sek"] = "99.00";

        await AssertRefusedAsync(() => gateway.Plans.CreateAsync(request, GatewayFixture.As()).ResponseAsync, "name");
    }

    [Fact]
    public async Task A_custom_http_template_without_its_body()
    {
        var request = new CreateWebhookTemplateRequest { Trigger = "payment_success", Type = "custom_http", Url = "https://example.test/hook", HttpMethod = "POST" };

        await AssertRefusedAsync(() => gateway.WebhookTemplates.CreateAsync(request, GatewayFixture.As()).ResponseAsync, "body");
    }

    [Fact]
    public async Task A_list_whose_answer_would_exceed_the_size_limit_is_refused_with_the_limit_to_use()
    {
        var prefix = "big" + new string(Guid.NewGuid().ToString("N").Where(char.IsAsciiLetter).Take(8).ToArray());
        for (var i = 0; i < 10; i++)
        {
            var order = Orders.CardPayment(paymentRef: prefix + (char)('a' + i));
            order.Metadata = new Google.Protobuf.WellKnownTypes.Struct();
            order.Metadata.Fields["notes"] = Google.Protobuf.WellKnownTypes.Value.ForString(new string('n', 500_000));
            await gateway.Transactions.CreateAsync(order, GatewayFixture.As());
        }

        var options = new ListOptions { Limit = 10 };
        options.Filters["payment_ref"] = prefix + "*";
        var refused = await Assert.ThrowsAsync<RpcException>(() => gateway.Transactions.ListAsync(new ListTransactionsRequest { Options = options }, GatewayFixture.As()).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.Equal("100.100.001", refused.GetResultCode());
        Assert.Equal("options.limit", Assert.Single(refused.GetBadRequest()!.FieldViolations).Field);
        var fits = int.Parse(refused.Status.Detail.Split("options.limit ")[1].Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
        options.Limit = fits;
        var listed = await gateway.Transactions.ListAsync(new ListTransactionsRequest { Options = options }, GatewayFixture.As());
        Assert.Equal(fits, listed.Transactions.Count);
    }

    [Fact]
    public async Task Refunding_a_test_payment_answers_the_test_mode_code_as_its_creation_did()
    {
        var created = await gateway.Transactions.CreateAsync(Orders.CardPayment("20.00"), GatewayFixture.As());

        var refund = await gateway.Transactions.RefundAsync(new RefundTransactionRequest { Id = created.Transaction.Id, Amount = "5.00", Reason = "returned goods" }, GatewayFixture.As());

        Assert.Equal("000.100.110", created.Result.Code);
        Assert.Equal("000.100.110", refund.Result.Code);
    }

    private static async Task AssertRefusedAsync(Func<Task> call, string field)
    {
        var refused = await Assert.ThrowsAsync<RpcException>(call);

        Assert.True(refused.StatusCode == StatusCode.InvalidArgument && refused.GetResultCode() == "100.100.001", $"{refused.StatusCode} {refused.GetResultCode()}: {refused.Status.Detail}");
        Assert.Equal("100.100.001", refused.GetErrorInfo()?.Reason);
        var violation = Assert.Single(refused.GetBadRequest()!.FieldViolations);
        Assert.StartsWith(field, violation.Field, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", refused.Status.Detail, StringComparison.Ordinal);
    }
}
