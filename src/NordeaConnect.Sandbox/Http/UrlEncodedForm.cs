using System.Text;

namespace NordeaConnect.Sandbox.Http;

/// <summary>
/// A strict <c>application/x-www-form-urlencoded</c> parser: unlike the framework's lenient reader it refuses
/// bad percent-escapes and invalid UTF-8 instead of silently substituting U+FFFD.
/// </summary>
internal static class UrlEncodedForm
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Parses <paramref name="text"/>; on failure returns false with a description of the problem.</summary>
    public static bool TryParse(string text, out List<KeyValuePair<string, string>> pairs, out string? problem)
    {
        pairs = [];
        problem = null;
        if (text.Length == 0)
        {
            return true;
        }

        foreach (var part in text.Split('&'))
        {
            if (part.Length == 0)
            {
                continue;
            }

            var equals = part.IndexOf('=', StringComparison.Ordinal);
            var rawKey = equals < 0 ? part : part[..equals];
            var rawValue = equals < 0 ? string.Empty : part[(equals + 1)..];
            if (!TryDecode(rawKey, out var key, out problem) || !TryDecode(rawValue, out var value, out problem))
            {
                return false;
            }

            if (key.Length == 0)
            {
                problem = "a form field has an empty name";
                return false;
            }

            pairs.Add(new(key, value));
        }

        return true;
    }

    private static bool TryDecode(string raw, out string decoded, out string? problem)
    {
        decoded = string.Empty;
        problem = null;
        if (raw.IndexOfAny(['%', '+']) < 0)
        {
            decoded = raw;
            return true;
        }

        var bytes = new List<byte>(raw.Length);
        for (var i = 0; i < raw.Length; i++)
        {
            var c = raw[i];
            if (c == '+')
            {
                bytes.Add((byte)' ');
            }
            else if (c == '%')
            {
                if (i + 2 >= raw.Length || !IsHex(raw[i + 1]) || !IsHex(raw[i + 2]))
                {
                    problem = "a percent-escape is not followed by two hex digits";
                    return false;
                }

                bytes.Add((byte)((HexValue(raw[i + 1]) << 4) | HexValue(raw[i + 2])));
                i += 2;
            }
            else
            {
                // A run of literal characters is encoded at once so surrogate pairs stay together.
                var end = raw.IndexOfAny(['%', '+'], i);
                end = end < 0 ? raw.Length : end;
                bytes.AddRange(Encoding.UTF8.GetBytes(raw[i..end]));
                i = end - 1;
            }
        }

        try
        {
            decoded = StrictUtf8.GetString(bytes.ToArray());
            return true;
        }
        catch (DecoderFallbackException)
        {
            problem = "a percent-escaped value is not valid UTF-8";
            return false;
        }
    }

    private static bool IsHex(char c) => char.IsAsciiHexDigit(c);

    private static int HexValue(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
}
