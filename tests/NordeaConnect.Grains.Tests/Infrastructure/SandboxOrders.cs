using NordeaConnect.Primitives;

namespace NordeaConnect.Grains.Tests.Infrastructure;

/// <summary>Orders placed through the grains, as a checkout backend would.</summary>
internal static class SandboxOrders
{
    public static TransactionCreateRequest CardOrder(string amount, bool authorize) => new()
    {
        Amount = Amount.Parse(amount),
        Currency = CurrencyCode.Sek,
        Test = true,
        Authorize = authorize,
        Card = new CardDetails("4111111111111111", "123", "Ann Andersson", "1230", "visa"),
    };

    public static string NewPaymentRef() => "o" + Guid.NewGuid().ToString("N")[..11];

    /// <summary>Creates an authorized transaction through the creation grain.</summary>
    public static async Task<long> AuthorizedAsync(SandboxNode node, string amount)
    {
        var created = await node.Grains.GetGrain<ITransactionCreationGrain>(NewPaymentRef()).CreateAsync(CardOrder(amount, authorize: true));
        Assert.True(created.Succeeded, created.Description);
        Assert.Equal(TransactionState.Authorized, created.Value!.State);
        return created.Value.Id;
    }

    /// <summary>Creates an authorized transaction and captures all of it through the grains.</summary>
    public static async Task<long> CapturedAsync(SandboxNode node, string amount)
    {
        var id = await AuthorizedAsync(node, amount);
        var captured = await node.Grains.GetGrain<ITransactionGrain>(id).CaptureAsync(Amount.Parse(amount), "capture-all");
        Assert.True(captured.Succeeded, captured.Description);
        return id;
    }
}
