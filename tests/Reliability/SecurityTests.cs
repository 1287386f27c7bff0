using NordeaConnect.Contracts;
using NordeaConnect.Grains.V1;
using Grpc.Core;
using NordeaConnect.Primitives;
using NordeaConnect.Reliability.Tests.Infrastructure;

namespace NordeaConnect.Reliability.Tests;

[Collection(ReliabilityCollection.Name)]
public sealed class SecurityTests(ReliabilityEnvironment environment)
{
    [Fact]
    public async Task Calls_without_a_token_are_unauthenticated()
    {
        var failure = await Assert.ThrowsAsync<RpcException>(() =>
            new TransactionsClient(environment.Gateway.Channel).GetAsync(new GetTransactionRequest { Id = 1 }, new Metadata()).ResponseAsync);

        Assert.Equal(StatusCode.Unauthenticated, failure.StatusCode);
        Assert.Equal(ResultCode.Unauthenticated.Value, failure.Trailers.GetValue(ResultTrailers.CodeKey));
    }

    [Fact]
    public async Task Calls_with_a_wrong_token_are_permission_denied_and_the_token_is_not_logged()
    {
        const string wrong = "rel-wrong-token-Zq81Lp0Xw3";
        var failure = await Assert.ThrowsAsync<RpcException>(() =>
            new TransactionsClient(environment.Gateway.Channel).GetAsync(new GetTransactionRequest { Id = 1 }, Payments.Headers(wrong)).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, failure.StatusCode);
        Assert.Equal(ResultCode.PermissionDenied.Value, failure.Trailers.GetValue(ResultTrailers.CodeKey));
        Assert.DoesNotContain(wrong, environment.Gateway.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(GatewayProcess.AllScopes, environment.Gateway.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_read_only_token_cannot_refund_and_nothing_is_refunded()
    {
        var id = await Payments.CreateAsync(environment.Gateway.Channel, "50.00");

        var failure = await Assert.ThrowsAsync<RpcException>(() =>
            new TransactionsClient(environment.Gateway.Channel).RefundAsync(
                new RefundTransactionRequest { Id = id, Amount = "10.00", Reason = "not allowed" },
                Payments.Headers(GatewayProcess.ReadOnly, Guid.NewGuid().ToString())).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, failure.StatusCode);
        Assert.Equal(ResultCode.PermissionDenied.Value, failure.Trailers.GetValue(ResultTrailers.CodeKey));
        Assert.Empty(await environment.Sandbox.RefundsOfAsync(id));
    }

    [Fact]
    public async Task Nothing_logged_or_stored_so_far_holds_card_data_or_secrets()
    {
        // A payment with the test card first, so there is something to leak if anything leaks.
        await Payments.CreateAsync(environment.Gateway.Channel, "12.00");

        var findings = SecretScan.Find(OutputRegistry.All(), await environment.Database.DumpAsync());

        Assert.True(findings.Count == 0, SecretScan.Describe(findings));
    }

    [Fact]
    public void The_scan_finds_the_card_number_in_any_separator_form()
    {
        var spread = string.Join("\",\"", Payments.TestPan.ToCharArray());
        foreach (var leak in new[] { Payments.TestPan, "5555 5555 5555 4444", "5555-5555-5555-4444", "5555.5555.5555.4444", spread, "card_cvv=737", "\"card_cvv\":\"737\"", SandboxProcess.ApiPassword, SandboxProcess.HashSecret })
        {
            Assert.NotEmpty(SecretScan.FindIn("before " + leak + " after"));
        }

        Assert.Empty(SecretScan.FindIn("card 555555******4444 masked, cvv ***, transaction 5555, 4111111111111111 is another card"));
    }
}
