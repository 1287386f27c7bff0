using Google.Protobuf;
using NordeaConnect.Grains;
using V1 = NordeaConnect.Grains.V1;

namespace NordeaConnect.Gateway.Mapping;

/// <summary>The one mapping of a refund to its message, from the grain record (a transaction's refund, a Get, a list row).</summary>
public static class RefundMessages
{
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
            Ref = refund.Ref ?? string.Empty,
            // Text or an object, as the payment system answered: a Value keeps either.
            Response = refund.Response is { } response ? JsonParser.Default.Parse<Google.Protobuf.WellKnownTypes.Value>(response.GetRawText()) : null,
            CreatedAt = Timestamps.From(refund.CreatedAt),
            ProcessedAt = Timestamps.From(refund.ProcessedAt),
            Transaction = refund.Transaction?.ToMessage(),
        };
    }
}
