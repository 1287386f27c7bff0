using NordeaConnect.Primitives;
using Upstream = NordeaConnect.Client;

namespace NordeaConnect.Gateway.Mapping;

/// <summary>Which 000.x code a successful call answers with, from the state of what it returns.</summary>
public static class SuccessCodes
{
    public static ResultCode For(Upstream.Transaction transaction)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        return transaction.Status switch
        {
            "authorized" => ResultCode.Authorized,
            "pending" => ResultCode.Pending,
            _ when transaction.Test == true => ResultCode.TestModeSuccess,
            _ => ResultCode.Success,
        };
    }

    /// <summary>A refund's code: pending, else the test-mode code when its transaction is a test one, as its creation answered.</summary>
    public static ResultCode For(Upstream.Refund refund, bool testTransaction)
    {
        ArgumentNullException.ThrowIfNull(refund);
        return refund.Status == "pending" ? ResultCode.Pending
            : testTransaction ? ResultCode.TestModeSuccess
            : ResultCode.Success;
    }
}
