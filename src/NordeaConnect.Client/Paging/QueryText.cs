using System.Buffers;
using System.Text;

namespace NordeaConnect.Client;

/// <summary>
/// Percent-encoding of query values in UTF-8 as the reference writes its URLs: spaces as <c>%20</c>, and the
/// characters its filter syntax relies on (<c>* . : ,</c>) left readable, so <c>filter[card_number]=411*</c> and
/// <c>order_by=amount:desc</c> go out exactly as documented (Refit's own escaping would turn them into %2A, %3A).
/// </summary>
internal static class QueryText
{
    private const string HexDigits = "0123456789ABCDEF";

    private static readonly SearchValues<char> Readable =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.~*:,");

    public static string Escape(string value)
    {
        if (!value.AsSpan().ContainsAnyExcept(Readable))
        {
            return value;
        }

        var builder = new StringBuilder(value.Length + 16);
        Span<byte> utf8 = stackalloc byte[4];
        for (var index = 0; index < value.Length; index++)
        {
            var character = value[index];
            if (Readable.Contains(character))
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

        return builder.ToString();
    }
}
