using Grpc.Core;
using NordeaConnect.Gateway.Tests.EndToEnd;
using NordeaConnect.Grains.V1;

namespace NordeaConnect.Gateway.Tests.Trust;

/// <summary>
/// After refusals of every kind and a refund, the gateway's logs (every level, with their structured fields) and the
/// journal it stores hold no token, JWT, signing key, certificate private key or upstream secret.
/// </summary>
[Collection(TrustGatewayCollection.Name)]
public sealed class TrustSecretScanTests(TrustGatewayFixture gateway)
{
    [Fact]
    public async Task Logs_and_the_stored_journal_hold_no_token_key_or_secret()
    {
        var now = DateTime.UtcNow;
        foreach (var token in new[]
        {
            gateway.Jwts.Issue("scan@payments", "read", notBefore: now.AddHours(-2), expires: now.AddHours(-1)),
            gateway.Jwts.Issue("scan@payments", "read", strangerSigns: true),
            gateway.Jwts.Issue("scan@payments", "read", audience: "elsewhere"),
            "trust-token-unknown-00000000001",
        })
        {
            await Assert.ThrowsAsync<RpcException>(() => gateway.Transactions.GetAsync(new GetTransactionRequest { Id = 1 }, TrustGatewayFixture.As(token)).ResponseAsync);
        }

        var jwt = gateway.Jwts.Issue("scan@payments", "read write refund");
        var created = await gateway.Transactions.CreateAsync(Orders.CardPayment("20.00"), TrustGatewayFixture.As(jwt, Guid.NewGuid().ToString()));
        await gateway.Transactions.RefundAsync(new RefundTransactionRequest { Id = created.Transaction.Id, Amount = "5.00", Reason = "scan" }, TrustGatewayFixture.As(TrustGatewayFixture.Refunder, Guid.NewGuid().ToString()));
        var journal = await gateway.Audit.GetJournalAsync(new GetJournalRequest { EntityKind = "transaction", Id = created.Transaction.Id }, TrustGatewayFixture.As(TrustGatewayFixture.Auditor));

        var logs = string.Join('\n', gateway.Logs);
        var stored = journal.ToString();
        // The creation is journaled by the creation grain (keyed by payment_ref); the transaction's journal holds the refund.
        Assert.Contains("token:refunder", stored, StringComparison.Ordinal);
        var secrets = new List<(string What, string Value)>
        {
            ("static token", TrustGatewayFixture.Refunder),
            ("static token", TrustGatewayFixture.Reader),
            ("static token", TrustGatewayFixture.Auditor),
            ("unknown token", "trust-token-unknown-00000000001"),
            ("shared signing key", Convert.ToBase64String(gateway.Jwts.SharedKey)),
            ("identity provider private key", gateway.Jwts.PrivateKeyText),
        };
        secrets.AddRange(gateway.Jwts.Issued.Select(t => ("JWT signature", t.Split('.')[2])));
        secrets.AddRange(gateway.Jwts.Issued.Select(t => ("JWT payload", t.Split('.')[1])));
        secrets.AddRange(gateway.Certificates.PrivateKeyTexts().Select(k => ("certificate private key", k)));
        Assert.NotEmpty(logs);
        foreach (var (what, value) in secrets)
        {
            Assert.False(logs.Contains(value, StringComparison.Ordinal), what + " found in the logs");
            Assert.False(stored.Contains(value, StringComparison.Ordinal), what + " found in the stored journal");
        }

        Assert.DoesNotContain("4111111111111111", logs, StringComparison.Ordinal);
        Assert.DoesNotContain("BEGIN PRIVATE KEY", logs, StringComparison.Ordinal);
    }
}
