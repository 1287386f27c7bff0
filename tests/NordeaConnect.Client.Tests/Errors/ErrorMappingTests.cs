using System.Net;
using NordeaConnect.Client.Tests.Stub;
using NordeaConnect.Primitives;

namespace NordeaConnect.Client.Tests.Errors;

/// <summary>Upstream errors surface as one typed exception with the status, the error object and the mapped result code.</summary>
public sealed class ErrorMappingTests
{
    [Fact]
    public async Task An_upstream_error_object_is_carried_with_its_mapped_result_code()
    {
        await using var stub = await StubUpstream.StartAsync("""{"name":"errors.stored_card.token.invalid","code":4002,"description":"Stored card token is invalid"}""", status: 400);
        using var client = TestClients.For(stub.BaseAddress);

        var error = await Assert.ThrowsAsync<NordeaConnectException>(() => client.Transactions.GetAsync(1));

        Assert.IsNotType<NordeaConnectOutcomeUnknownException>(error);
        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Equal("errors.stored_card.token.invalid", error.UpstreamError!.Name);
        Assert.Equal(4002, error.UpstreamError.Code);
        Assert.Equal("Stored card token is invalid", error.UpstreamError.Description);
        Assert.Equal(UpstreamErrorTable.Get(4002).ResultCode, error.ResultCode);
        Assert.Contains("GET v1/transactions/1", error.Message, StringComparison.Ordinal);
        Assert.Contains("Stored card token is invalid", error.Message, StringComparison.Ordinal);
        Assert.NotNull(error.CorrelationId);
        Assert.Single(stub.Requests);
    }

    [Theory]
    [InlineData(401, "900.900.004")]
    [InlineData(403, "900.900.004")]
    [InlineData(404, "200.000.404")]
    [InlineData(422, "200.000.000")]
    public async Task Statuses_without_a_known_code_map_to_sensible_result_codes(int status, string expected)
    {
        await using var stub = await StubUpstream.StartAsync("""{"name":"errors.unknown","code":99999,"description":"x"}""", status);
        using var client = TestClients.For(stub.BaseAddress);

        var error = await Assert.ThrowsAsync<NordeaConnectException>(() => client.Customers.GetAsync(5));

        Assert.Equal(ResultCode.Parse(expected), error.ResultCode);
        Assert.Equal((HttpStatusCode)status, error.StatusCode);
        Assert.Single(stub.Requests);
    }

    [Fact]
    public async Task An_error_known_only_by_name_is_mapped_through_the_table()
    {
        var known = UpstreamErrorTable.Get(261);
        await using var stub = await StubUpstream.StartAsync($$$"""{"error":{"name":"{{{known.Name}}}","description":"Nekad av regelmotorn"}}""", status: 402);
        using var client = TestClients.For(stub.BaseAddress);

        var error = await Assert.ThrowsAsync<NordeaConnectException>(() => client.Transactions.GetAsync(1, requestOptions: new RequestOptions { Locale = Locales.Swedish }));

        Assert.Equal(known.ResultCode, error.ResultCode);
        Assert.Equal("Nekad av regelmotorn", error.UpstreamError!.Description);
        Assert.Equal("locale=sv", Assert.Single(stub.Requests).RawQuery);
    }

    [Fact]
    public async Task A_non_json_error_body_still_gives_the_status()
    {
        await using var stub = await StubUpstream.StartAsync("<html>bad gateway</html>", status: 400);
        using var client = TestClients.For(stub.BaseAddress);

        var error = await Assert.ThrowsAsync<NordeaConnectException>(() => client.Webhooks.GetAsync(1));

        Assert.Null(error.UpstreamError);
        Assert.Equal(ResultCode.UpstreamRejected, error.ResultCode);
    }

    [Fact]
    public async Task A_card_number_echoed_by_the_upstream_never_reaches_the_message()
    {
        await using var stub = await StubUpstream.StartAsync("""{"name":"errors.credit_card.missing","code":1,"description":"Card 4111 1111 1111 1111 rejected"}""", status: 400);
        using var client = TestClients.For(stub.BaseAddress);

        var error = await Assert.ThrowsAsync<NordeaConnectException>(() => client.Transactions.UpdateAsync(1, new TransactionUpdateOptions { CardNumber = "4111111111111111", CardCvv = "737" }));

        Assert.DoesNotContain("4111 1111 1111 1111", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("4111111111111111", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("737", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("password", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("[redacted]", error.UpstreamError!.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_success_body_that_is_not_the_entity_is_a_typed_failure()
    {
        await using var stub = await StubUpstream.StartAsync("""{"id":"not-a-number"}""");
        using var client = TestClients.For(stub.BaseAddress);

        var read = await Assert.ThrowsAsync<NordeaConnectException>(() => client.Customers.GetAsync(1));
        var write = await Assert.ThrowsAsync<NordeaConnectOutcomeUnknownException>(() => client.Customers.CreateAsync());

        Assert.Equal(ResultCode.InternalError, read.ResultCode);
        Assert.Equal(ResultCode.OutcomeUnknown, write.ResultCode);
        Assert.Contains("answered GET v1/customers/1 with HTTP 200 but a body this client cannot read", read.Message, StringComparison.Ordinal);
    }
}
