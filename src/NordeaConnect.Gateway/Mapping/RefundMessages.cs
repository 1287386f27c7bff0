using NordeaConnect.Grains;
using Upstream = NordeaConnect.Client;
using V1 = NordeaConnect.Grains.V1;

namespace NordeaConnect.Gateway.Mapping;

public static class RefundMessages
{
    /// <summary>A refund as its transaction's grain holds it.</summary>
    public static V1.Refund ToMessage(this RefundSnapshot refund)
    {
        ArgumentNullException.ThrowIfNull(refund);
        return new V1.Refund
        {
            Id = refund.Id,
            TransactionId = refund.TransactionId,
            Amount = refund.Amount.ToUpstreamString(),
            Reason = refund.Reason ?? string.Empty,
            Status = refund.Status ?? string.Empty,
            CreatedAt = Timestamps.From(refund.CreatedAt),
            ProcessedAt = Timestamps.From(refund.ProcessedAt),
        };
    }

    /// <summary>A refund as Nordea Connect lists it.</summary>
    public static V1.Refund ToMessage(this Upstream.Refund refund)
    {
        ArgumentNullException.ThrowIfNull(refund);
        return new V1.Refund
        {
            Id = refund.Id,
            TransactionId = refund.TransactionId ?? 0,
            Amount = refund.Amount?.ToUpstreamString() ?? string.Empty,
            Reason = refund.Reason ?? string.Empty,
            Status = refund.Status ?? string.Empty,
            CreatedAt = Timestamps.From(refund.CreatedAt),
            ProcessedAt = Timestamps.From(refund.ProcessedAt),
        };
    }
}
