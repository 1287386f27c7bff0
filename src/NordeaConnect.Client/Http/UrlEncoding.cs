using System.Buffers;
using System.Text;

namespace NordeaConnect.Client;

/// <summary>
/// Percent-encoding in UTF-8 as the reference writes its URLs and forms: spaces as <c>%20</c>, and the characters
/// its filter syntax relies on (<c>* . : ,</c>) left readable in queries so <c>filter[card_number]=411*</c> and
/// <c>order_by=amount:desc</c> go out exactly as documented.
/// </summary>
internal static class UrlEncoding
{
    private static readonly SearchValues<char> Unreserved =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.~");

    private static readonly SearchValues<char> QueryValueSafe =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.~*:,");

    /// <summary>Encodes a form name or value: everything but RFC 3986 unreserved characters is escaped.</summary>
    public static void AppendFormComponent(StringBuilder builder, string value) => Append(builder, value, Unreserved);

    /// <summary>Encodes a query value, keeping the filter syntax characters readable.</summary>
    public static void AppendQueryValue(StringBuilder builder, string value) => Append(builder, value, QueryValueSafe);

    private static void Append(StringBuilder builder, string value, SearchValues<char> safe)
    {
        Span<byte> utf8 = stackalloc byte[4];
        for (var index = 0; index < value.Length; index++)
        {
            var character = value[index];
            if (safe.Contains(character))
            {
                builder.Append(character);
                continue;
            }

            var length = char.IsHighSurrogate(character) && index + 1 < value.Length
                ? Encoding.UTF8.GetBytes(value.AsSpan(index++, 2), utf8)
                : Encoding.UTF8.GetBytes(value.AsSpan(index, 1), utf8);
            foreach (var octet in utf8[..length])
            {
                builder.Append('%').Append(HexDigits[octet >> 4]).Append(HexDigits[octet & 0xF]);
            }
        }
    }

    private const string HexDigits = "0123456789ABCDEF";
}
