using System.Security.Cryptography;
using System.Text;

namespace NordeaConnect.Primitives;

/// <summary>
/// The request hash Nordea Connect verifies:
/// <c>MD5(merchant_id + payment_ref + customer_ref + amount + currency + test + secret)</c>, lower-case hex.
/// The reference's own samples drop fields; this documented recipe is the one that wins.
/// </summary>
public static class RequestHash
{
    /// <summary>Length of the lower-case hex digest.</summary>
    public const int Length = 32;

    /// <summary>The hash of a create the client sends: its currency goes on the wire as <see cref="CurrencyCode.Code"/> (lower-case).</summary>
    public static string Compute(string merchantId, PaymentRef paymentRef, string? customerRef, Amount amount, CurrencyCode currency, bool test, string secret) =>
        ComputeRaw(merchantId, paymentRef.Value, customerRef, amount.ToUpstreamString(), currency.Code, test, secret);

    /// <summary>
    /// Hashes the fields exactly as they were sent, for a verifier that must not normalise what the caller wrote:
    /// the recipe names the request's parameters, so <c>currency=SEK</c> hashes as <c>SEK</c> and <c>sek</c> as <c>sek</c>.
    /// </summary>
    public static string ComputeRaw(string merchantId, string paymentRef, string? customerRef, string amountText, string currencyText, bool test, string secret)
    {
        ArgumentNullException.ThrowIfNull(merchantId);
        ArgumentNullException.ThrowIfNull(paymentRef);
        ArgumentNullException.ThrowIfNull(amountText);
        ArgumentNullException.ThrowIfNull(currencyText);
        ArgumentNullException.ThrowIfNull(secret);

        var input = string.Concat(merchantId, paymentRef, customerRef ?? string.Empty, amountText, currencyText, test ? "true" : "false", secret);
        var byteCount = Encoding.UTF8.GetByteCount(input);
        var bytes = byteCount <= 512 ? stackalloc byte[byteCount] : new byte[byteCount];
        Encoding.UTF8.GetBytes(input, bytes);
        Span<byte> digest = stackalloc byte[MD5.HashSizeInBytes];
#pragma warning disable CA5351 // MD5 is the upstream's documented recipe, not our choice of hash.
        MD5.HashData(bytes, digest);
#pragma warning restore CA5351
        CryptographicOperations.ZeroMemory(bytes);
        return Convert.ToHexStringLower(digest);
    }

    /// <summary>Compares a received hash with the expected one in constant time, ignoring case.</summary>
    public static bool Matches(string? candidateHash, string merchantId, PaymentRef paymentRef, string? customerRef, Amount amount, CurrencyCode currency, bool test, string secret) =>
        MatchesDigest(candidateHash, Compute(merchantId, paymentRef, customerRef, amount, currency, test, secret));

    /// <summary>Compares a received hash with an expected lower-case digest in constant time, ignoring case.</summary>
    public static bool MatchesDigest(string? candidateHash, string expectedDigest)
    {
        ArgumentNullException.ThrowIfNull(expectedDigest);
        if (candidateHash is null || candidateHash.Length != Length)
        {
            return false;
        }

        Span<byte> candidate = stackalloc byte[Length];
        for (var i = 0; i < Length; i++)
        {
            var c = candidateHash[i];
            // Lower-case ASCII letters only; anything outside ASCII cannot match a hex digest.
            candidate[i] = c > 0x7F ? (byte)0 : (byte)(c is >= 'A' and <= 'Z' ? c + 32 : c);
        }

        Span<byte> expected = stackalloc byte[Length];
        Encoding.ASCII.GetBytes(expectedDigest, expected);
        return CryptographicOperations.FixedTimeEquals(candidate, expected);
    }
}
