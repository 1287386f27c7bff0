using NordeaConnect.Primitives;

namespace NordeaConnect.Grains.Tests.Infrastructure;

/// <summary>Snapshots for rule tests, built the way upstream would report them.</summary>
internal static class Snapshots
{
    public static TransactionSnapshot Transaction(string status, string amount, params RefundSnapshot[] refunds) => new()
    {
        Id = 7510,
        Status = status,
        Amount = Amount.Parse(amount),
        Currency = CurrencyCode.Sek,
        TransactionType = "credit_card",
        Refunds = [.. refunds],
    };

    public static RefundSnapshot Refund(long id, string amount, string reason = "cancelled order", string? status = "approved") => new()
    {
        Id = id,
        TransactionId = 7510,
        Amount = Amount.Parse(amount),
        Reason = reason,
        Status = status,
    };
}
