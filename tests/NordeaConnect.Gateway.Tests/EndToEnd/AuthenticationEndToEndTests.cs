using Grpc.Health.V1;
using NordeaConnect.Contracts;
using NordeaConnect.Grains.V1;
using Grpc.Core;

namespace NordeaConnect.Gateway.Tests.EndToEnd;

[Collection(GatewayCollection.Name)]
public sealed class AuthenticationEndToEndTests(GatewayFixture gateway)
{
    [Fact]
    public async Task A_call_without_a_token_is_unauthenticated_with_the_result_in_trailers()
    {
        var refused = await Assert.ThrowsAsync<RpcException>(() => gateway.Transactions.GetAsync(new GetTransactionRequest { Id = 1 }).ResponseAsync);

        Assert.Equal(StatusCode.Unauthenticated, refused.StatusCode);
        Assert.Equal("100.400.401", refused.GetResult()?.Code);
    }

    public static TheoryData<string> MalformedHeaders => new()
    {
        "Basic dXNlcjpwYXNz",
        "Bearer",
        "Bearer ",
        "e2e-token-all-scopes-000001",
        "Bearer e2e-token\tall-scopes-000001",
        "Bearer " + new string('a', 2049),
    };

    [Theory]
    [MemberData(nameof(MalformedHeaders))]
    public async Task A_malformed_authorization_header_is_unauthenticated_100_400_401(string authorization)
    {
        var headers = new Metadata { { GatewayHeaders.Authorization, authorization } };

        var refused = await Assert.ThrowsAsync<RpcException>(() => gateway.Transactions.GetAsync(new GetTransactionRequest { Id = 1 }, headers).ResponseAsync);

        Assert.Equal(StatusCode.Unauthenticated, refused.StatusCode);
        Assert.Equal("100.400.401", refused.GetResult()?.Code);
    }

    [Fact]
    public async Task An_unknown_well_formed_token_is_permission_denied_100_400_403_and_the_message_does_not_echo_it()
    {
        const string Unknown = "e2e-token-nobody-knows-0001";

        var refused = await Assert.ThrowsAsync<RpcException>(() => gateway.Transactions.GetAsync(new GetTransactionRequest { Id = 1 }, GatewayFixture.As(Unknown)).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);
        Assert.Equal("100.400.403", refused.GetResult()?.Code);
        Assert.DoesNotContain(Unknown, refused.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_read_token_may_not_write_refund_or_administer()
    {
        var write = await Assert.ThrowsAsync<RpcException>(() => gateway.Transactions.CreateAsync(Orders.CardPayment(), GatewayFixture.As(GatewayFixture.ReadOnly)).ResponseAsync);
        var refund = await Assert.ThrowsAsync<RpcException>(() => gateway.Transactions.RefundAsync(new RefundTransactionRequest { Id = 1, Amount = "1.00" }, GatewayFixture.As(GatewayFixture.ReadWrite)).ResponseAsync);
        var admin = await Assert.ThrowsAsync<RpcException>(() => gateway.WebhookTemplates.ListAsync(new ListWebhookTemplatesRequest(), GatewayFixture.As(GatewayFixture.ReadWrite)).ResponseAsync);
        var adminReads = await Assert.ThrowsAsync<RpcException>(() => gateway.Transactions.GetAsync(new GetTransactionRequest { Id = 1 }, GatewayFixture.As(GatewayFixture.AdminOnly)).ResponseAsync);

        Assert.All([write, refund, admin, adminReads], e => Assert.Equal(StatusCode.PermissionDenied, e.StatusCode));
        Assert.Equal("100.400.403", write.GetResult()?.Code);
        Assert.Contains("'write'", write.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("'refund'", refund.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("'admin'", admin.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Authentication_comes_before_validation()
    {
        var refused = await Assert.ThrowsAsync<RpcException>(() => gateway.Transactions.CreateAsync(new CreateTransactionRequest { Amount = "bad" }).ResponseAsync);

        Assert.Equal(StatusCode.Unauthenticated, refused.StatusCode);
    }

    [Fact]
    public async Task Health_is_open()
    {
        var health = await new Health.HealthClient(gateway.Channel).CheckAsync(new HealthCheckRequest());

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, health.Status);
    }
}
