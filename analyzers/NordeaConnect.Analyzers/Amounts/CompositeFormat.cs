using System.Collections.Generic;

namespace NordeaConnect.Analyzers.Amounts;

/// <summary>Reads the per-item format strings of a composite format such as <c>"{0:0.00} {1}"</c>.</summary>
internal static class CompositeFormat
{
    public static Dictionary<int, string> ReadItemFormats(string? format)
    {
        var formats = new Dictionary<int, string>();
        if (format is null)
        {
            return formats;
        }

        var i = 0;
        while (i < format.Length)
        {
            var c = format[i];
            if (c == '{' && i + 1 < format.Length && format[i + 1] == '{')
            {
                i += 2;
                continue;
            }

            if (c != '{')
            {
                i++;
                continue;
            }

            var close = format.IndexOf('}', i);
            if (close < 0)
            {
                break;
            }

            var item = format.Substring(i + 1, close - i - 1);
            var colon = item.IndexOf(':');
            var head = colon >= 0 ? item.Substring(0, colon) : item;
            var comma = head.IndexOf(',');
            var indexText = (comma >= 0 ? head.Substring(0, comma) : head).Trim();

            // An alignment pads the text, so an item with one never counts as the plain two-decimal form.
            if (int.TryParse(indexText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index) && comma < 0)
            {
                formats[index] = colon >= 0 ? item.Substring(colon + 1) : string.Empty;
            }

            i = close + 1;
        }

        return formats;
    }
}
