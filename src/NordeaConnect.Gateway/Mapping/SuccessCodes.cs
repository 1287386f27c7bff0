using NordeaConnect.Grains;
using NordeaConnect.Primitives;

namespace NordeaConnect.Gateway.Mapping;

/// <summary>Which 000.x code a successful call answers with, from the state of what it returns.</summary>
public static class SuccessCodes
{
    public static ResultCode For(TransactionSnapshot transaction)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        return transaction.Status switch
        {
            "authorized" => ResultCode.Authorized,
            "pending" => ResultCode.Pending,
            _ when transaction.Test => ResultCode.TestModeSuccess,
            _ => ResultCode.Success,
        };
    }
}
