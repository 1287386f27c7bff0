using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace NordeaConnect.Sandbox.Transactions;

/// <summary>
/// The <c>response_hash</c> of a transaction. The reference shows the field but not its recipe; the sandbox uses
/// MD5(merchant_id + id + status + amount + secret), so a merchant can check an answer came from someone holding
/// its secret (README, "Where the reference is silent").
/// </summary>
internal static class ResponseHash
{
    public static string Of(TransactionRecord transaction, string hashSecret)
    {
        var text = string.Concat(transaction.MerchantId, transaction.Id.ToString(CultureInfo.InvariantCulture), transaction.Status, transaction.Amount.ToUpstreamString(), hashSecret);
#pragma warning disable CA5351 // MD5 is what the upstream's hashes use; this is a checksum, not a security boundary.
        return Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(text)));
#pragma warning restore CA5351
    }
}
