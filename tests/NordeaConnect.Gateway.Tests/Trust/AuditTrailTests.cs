using Grpc.Core;
using NordeaConnect.Contracts;
using NordeaConnect.Gateway.Tests.EndToEnd;
using NordeaConnect.Grains.V1;

namespace NordeaConnect.Gateway.Tests.Trust;

/// <summary>Who refunded this: the journal names the caller of every mutation, and each one leaves an audit event.</summary>
[Collection(TrustGatewayCollection.Name)]
public sealed class AuditTrailTests(TrustGatewayFixture gateway)
{
    [Fact]
    public async Task The_journal_of_a_refund_names_the_static_token_and_the_jwt_subject_that_made_each_change()
    {
        var created = await gateway.Transactions.CreateAsync(Orders.CardPayment("300.00"), TrustGatewayFixture.As(TrustGatewayFixture.Refunder, Guid.NewGuid().ToString()));
        var id = created.Transaction.Id;
        var refundKey = "refund-" + Guid.NewGuid().ToString("N");
        await gateway.Transactions.RefundAsync(new RefundTransactionRequest { Id = id, Amount = "50.00", Reason = "damaged" }, TrustGatewayFixture.As(TrustGatewayFixture.Refunder, refundKey));
        var jwt = gateway.Jwts.Issue("bob@backoffice", "refund");
        var secondKey = "refund-" + Guid.NewGuid().ToString("N");
        await gateway.Transactions.RefundAsync(new RefundTransactionRequest { Id = id, Amount = "10.00", Reason = "goodwill" }, TrustGatewayFixture.As(jwt, secondKey));

        var journal = await gateway.Audit.GetJournalAsync(new GetJournalRequest { EntityKind = "transaction", Id = id }, TrustGatewayFixture.As(TrustGatewayFixture.Auditor));

        var byToken = Assert.Single(journal.Entries, e => e.IdempotencyKey == refundKey);
        Assert.Equal("transaction.refund", byToken.Operation);
        Assert.Equal("token:refunder", byToken.Caller);
        Assert.StartsWith("000.", byToken.ResultCode, StringComparison.Ordinal);
        Assert.NotNull(byToken.StartedAt);
        var byJwt = Assert.Single(journal.Entries, e => e.IdempotencyKey == secondKey);
        Assert.Equal("jwt:bob@backoffice", byJwt.Caller);
        var audit = gateway.Logs.Where(l => l.Contains("[Audit]", StringComparison.Ordinal)).ToList();
        Assert.Contains(audit, l => l.Contains("Caller=token:refunder", StringComparison.Ordinal) && l.Contains("IdempotencyKey=" + refundKey, StringComparison.Ordinal) && l.Contains("Refund", StringComparison.Ordinal));
        Assert.Contains(audit, l => l.Contains("Caller=jwt:bob@backoffice", StringComparison.Ordinal) && l.Contains("IdempotencyKey=" + secondKey, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Only_the_admin_scope_reads_the_journal()
    {
        var refused = await Assert.ThrowsAsync<RpcException>(() => gateway.Audit.GetJournalAsync(new GetJournalRequest { EntityKind = "transaction", Id = 1 }, TrustGatewayFixture.As(TrustGatewayFixture.Refunder)).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);
    }

    [Fact]
    public async Task A_refused_mutation_leaves_an_audit_event_with_its_result_code()
    {
        var key = "refused-" + Guid.NewGuid().ToString("N");

        await Assert.ThrowsAsync<RpcException>(() => gateway.Transactions.RefundAsync(new RefundTransactionRequest { Id = 1, Amount = "1" }, TrustGatewayFixture.As(TrustGatewayFixture.Refunder, key)).ResponseAsync);

        Assert.Contains(gateway.Logs, l => l.Contains("[Audit]", StringComparison.Ordinal) && l.Contains("IdempotencyKey=" + key, StringComparison.Ordinal) && l.Contains("ResultCode=100.100.002", StringComparison.Ordinal));
    }
}
