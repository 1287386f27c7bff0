using System.Buffers.Text;
using System.Security.Cryptography;

namespace NordeaConnect.Sandbox.Json;

/// <summary>Unguessable tokens: payment link tokens (like the reference's <c>hrr5sEwz0y-XgcYOyNXhew</c>) and stored card tokens.</summary>
internal static class RandomTokens
{
    public static string HrefToken() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));

    public static string StoredCardToken() => Guid.NewGuid().ToString("D");
}
