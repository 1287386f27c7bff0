using System.Security.Cryptography;
using System.Text;

namespace NordeaConnect.Sandbox.Transactions;

/// <summary>
/// The hash the sandbox expects on a create: the reference's recipe
/// <c>MD5(merchant_id + payment_ref + customer_ref + amount + currency + test + secret)</c> over the fields exactly as
/// the merchant sent them. The recipe names the request's parameters and says nothing of normalising them, so
/// <c>currency=SEK</c> is hashed as <c>SEK</c> (and <c>sek</c> as <c>sek</c>), as the amount is hashed as its text.
/// </summary>
internal static class SentFieldsHash
{
    /// <remarks>An omitted <paramref name="customerRef"/> (null) concatenates as nothing.</remarks>
    public static string Compute(string merchantId, string paymentRef, string? customerRef, string amountText, string currencyText, bool test, string secret)
    {
        var input = string.Concat(merchantId, paymentRef, customerRef, amountText, currencyText, test ? "true" : "false", secret);
        var bytes = Encoding.UTF8.GetBytes(input);
#pragma warning disable CA5351 // MD5 is the upstream's documented recipe, not our choice of hash.
        var digest = MD5.HashData(bytes);
#pragma warning restore CA5351
        CryptographicOperations.ZeroMemory(bytes);
        return Convert.ToHexStringLower(digest);
    }
}
