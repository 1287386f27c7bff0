using System.Collections.Generic;
using System.Text;

namespace NordeaConnect.Analyzers.Naming;

/// <summary>
/// Splits identifiers and wire keys into lower-case words, so that <c>vatAmount</c>, <c>VatAmount</c>,
/// <c>vat_amount</c> and <c>VAT_AMOUNT</c> are all read as "vat amount".
/// </summary>
internal static class IdentifierWords
{
    public static List<string> Split(string identifier)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        for (var i = 0; i < identifier.Length; i++)
        {
            var c = identifier[i];
            if (!char.IsLetterOrDigit(c))
            {
                Flush(words, current);
                continue;
            }

            if (char.IsUpper(c) && current.Length > 0)
            {
                var previous = identifier[i - 1];
                var nextIsLower = i + 1 < identifier.Length && char.IsLower(identifier[i + 1]);

                // "vatAmount" splits before 'A'; "HTTPServer" splits before the 'S' that starts "Server".
                if (char.IsLower(previous) || char.IsDigit(previous) || (char.IsUpper(previous) && nextIsLower))
                {
                    Flush(words, current);
                }
            }

            current.Append(char.ToLowerInvariant(c));
        }

        Flush(words, current);
        return words;
    }

    /// <summary>The identifier's words joined without separators: <c>vat_amount</c> and <c>VatAmount</c> both give <c>vatamount</c>.</summary>
    public static string Normalize(string identifier) => string.Concat(Split(identifier));

    private static void Flush(List<string> words, StringBuilder current)
    {
        if (current.Length > 0)
        {
            words.Add(current.ToString());
            current.Clear();
        }
    }
}
