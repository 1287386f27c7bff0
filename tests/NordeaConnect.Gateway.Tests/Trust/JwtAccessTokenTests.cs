using Grpc.Core;
using NordeaConnect.Contracts;
using NordeaConnect.Gateway.Tests.EndToEnd;
using NordeaConnect.Grains.V1;

namespace NordeaConnect.Gateway.Tests.Trust;

/// <summary>JWTs from the test identity provider beside static tokens, over the TLS port: each validation check has its answer.</summary>
[Collection(TrustGatewayCollection.Name)]
public sealed class JwtAccessTokenTests(TrustGatewayFixture gateway)
{
    [Fact]
    public async Task A_valid_jwt_with_the_write_scope_creates_and_reads_a_transaction()
    {
        var token = gateway.Jwts.Issue("alice@payments", "read write");

        var created = await gateway.Transactions.CreateAsync(Orders.CardPayment(), TrustGatewayFixture.As(token, Guid.NewGuid().ToString()));
        var read = await gateway.Transactions.GetAsync(new GetTransactionRequest { Id = created.Transaction.Id }, TrustGatewayFixture.As(token));

        Assert.Equal(created.Transaction.Id, read.Transaction.Id);
    }

    [Fact]
    public async Task Scopes_in_an_scp_array_and_a_shared_key_token_are_accepted()
    {
        var scp = gateway.Jwts.Issue("service-checkout", "read", scpArray: true);
        var shared = gateway.Jwts.Issue("service-batch", "read", issuer: TestJwts.SharedKeyIssuer);

        foreach (var token in new[] { scp, shared })
        {
            var refused = await Assert.ThrowsAsync<RpcException>(() => gateway.Transactions.GetAsync(new GetTransactionRequest { Id = 987654321 }, TrustGatewayFixture.As(token)).ResponseAsync);
            // Past authentication and authorization: the transaction simply does not exist.
            Assert.NotEqual(StatusCode.Unauthenticated, refused.StatusCode);
            Assert.NotEqual(StatusCode.PermissionDenied, refused.StatusCode);
        }
    }

    public static TheoryData<string, string> Refusals => new()
    {
        { "expired", "expired" },
        { "not-yet-valid", "not valid yet" },
        { "wrong-audience", "audience (aud)" },
        { "wrong-issuer", "issuer (iss)" },
        { "bad-signature", "signature" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task A_jwt_failing_a_check_is_an_invalid_access_token_permission_denied_naming_the_check_never_the_token(string flaw, string named)
    {
        var now = DateTime.UtcNow;
        var token = flaw switch
        {
            "expired" => gateway.Jwts.Issue("alice@payments", "read", notBefore: now.AddHours(-2), expires: now.AddHours(-1)),
            "not-yet-valid" => gateway.Jwts.Issue("alice@payments", "read", notBefore: now.AddHours(1), expires: now.AddHours(2)),
            "wrong-audience" => gateway.Jwts.Issue("alice@payments", "read", audience: "some-other-service"),
            "wrong-issuer" => gateway.Jwts.Issue("alice@payments", "read", issuer: TestJwts.OtherIssuer),
            _ => gateway.Jwts.Issue("alice@payments", "read", strangerSigns: true),
        };

        var refused = await Assert.ThrowsAsync<RpcException>(() => gateway.Transactions.GetAsync(new GetTransactionRequest { Id = 1 }, TrustGatewayFixture.As(token)).ResponseAsync);

        // The conventions document: 403 for an invalid access token (a well-formed Bearer header), 401 only for an invalid header.
        Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);
        Assert.Equal("100.400.403", refused.GetResult()?.Code);
        Assert.Contains(named, refused.Status.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain(token, refused.Status.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain(token.Split('.')[1], string.Join('\n', gateway.Logs), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_jwt_that_is_not_well_formed_is_permission_denied_and_one_over_2048_characters_is_a_malformed_header()
    {
        var garbled = await Assert.ThrowsAsync<RpcException>(() => gateway.Transactions.GetAsync(new GetTransactionRequest { Id = 1 }, TrustGatewayFixture.As("eyJub3QiOiJhIGp3dCJ9.eyJ.not-a-signature")).ResponseAsync);
        var tooLong = gateway.Jwts.Issue("alice@payments", "read " + new string('x', 2100));
        var oversized = await Assert.ThrowsAsync<RpcException>(() => gateway.Transactions.GetAsync(new GetTransactionRequest { Id = 1 }, TrustGatewayFixture.As(tooLong)).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, garbled.StatusCode);
        Assert.Equal("100.400.403", garbled.GetResult()?.Code);
        Assert.True(tooLong.Length > 2048, "the token must exceed AN2048");
        Assert.Equal(StatusCode.Unauthenticated, oversized.StatusCode);
        Assert.Equal("100.400.401", oversized.GetResult()?.Code);
        Assert.Contains("2048", oversized.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Over_json_an_expired_jwt_is_403_and_no_token_is_401_with_the_result_code()
    {
        var now = DateTime.UtcNow;
        var expired = gateway.Jwts.Issue("alice@payments", "read", notBefore: now.AddHours(-2), expires: now.AddHours(-1));
        using var http = new HttpClient(gateway.TrustingHandler()) { BaseAddress = gateway.Address };
        using var withExpired = new HttpRequestMessage(HttpMethod.Get, "/v1/transactions/1") { Headers = { { "authorization", "Bearer " + expired } } };

        using var refused = await http.SendAsync(withExpired);
        using var anonymous = await http.GetAsync(new Uri("/v1/transactions/1", UriKind.Relative));

        Assert.Equal(System.Net.HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("100.400.403", Assert.Single(refused.Headers.GetValues(ResultTrailers.CodeKey)));
        Assert.DoesNotContain(expired, await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal("100.400.401", Assert.Single(anonymous.Headers.GetValues(ResultTrailers.CodeKey)));
    }

    [Fact]
    public async Task A_valid_jwt_without_the_scope_is_permission_denied()
    {
        var token = gateway.Jwts.Issue("alice@payments", "read");

        var refused = await Assert.ThrowsAsync<RpcException>(() => gateway.Transactions.RefundAsync(new RefundTransactionRequest { Id = 1, Amount = "1.00" }, TrustGatewayFixture.As(token, Guid.NewGuid().ToString())).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);
        Assert.Equal("100.400.403", refused.GetResult()?.Code);
        Assert.Contains("'refund'", refused.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Static_tokens_still_work_beside_jwts()
    {
        var refused = await Assert.ThrowsAsync<RpcException>(() => gateway.Transactions.CreateAsync(Orders.CardPayment(), TrustGatewayFixture.As(TrustGatewayFixture.Reader)).ResponseAsync);
        var unknown = await Assert.ThrowsAsync<RpcException>(() => gateway.Transactions.GetAsync(new GetTransactionRequest { Id = 1 }, TrustGatewayFixture.As("trust-token-nobody-0000000001")).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);
        Assert.Equal(StatusCode.PermissionDenied, unknown.StatusCode);
        Assert.Equal("100.400.403", unknown.GetResult()?.Code);
    }
}
