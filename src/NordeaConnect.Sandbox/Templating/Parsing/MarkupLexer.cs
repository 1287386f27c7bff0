using System.Text.RegularExpressions;

namespace NordeaConnect.Sandbox.Templating.Parsing;

/// <summary>Splits template text into text, output and tag segments, applying <c>{{-</c>/<c>-}}</c> whitespace trimming.</summary>
internal static partial class MarkupLexer
{
    public static List<MarkupSegment> Split(string source)
    {
        var segments = new List<MarkupSegment>();
        var position = 0;
        var trimNextText = false;
        while (position < source.Length)
        {
            var start = IndexOfMarkup(source, position);
            if (start < 0)
            {
                AddText(segments, source, position, source.Length, trimNextText, trimEnd: false);
                break;
            }

            var isOutput = source[start + 1] == '{';
            var trimBefore = start + 2 < source.Length && source[start + 2] == '-';
            AddText(segments, source, position, start, trimNextText, trimBefore);

            var closer = isOutput ? "}}" : "%}";
            var contentStart = start + (trimBefore ? 3 : 2);
            var end = source.IndexOf(closer, contentStart, StringComparison.Ordinal);
            if (end < 0)
            {
                throw LiquidSyntaxException.At(source, start, (isOutput ? "'{{'" : "'{%'") + " is never closed with '" + closer + "'.");
            }

            trimNextText = end > contentStart && source[end - 1] == '-';
            var contentEnd = trimNextText ? end - 1 : end;
            var content = source[contentStart..contentEnd];
            position = end + 2;

            if (isOutput)
            {
                segments.Add(new MarkupSegment(MarkupSegmentKind.Output, content, start, ContentOffset: contentStart));
                continue;
            }

            var trimmed = content.TrimStart();
            var nameLength = 0;
            while (nameLength < trimmed.Length && (char.IsAsciiLetterOrDigit(trimmed[nameLength]) || trimmed[nameLength] == '_'))
            {
                nameLength++;
            }

            var name = trimmed[..nameLength];
            if (name.Length == 0)
            {
                throw LiquidSyntaxException.At(source, start, "A tag must start with its name, e.g. {% if ... %}.");
            }

            var markupOffset = contentStart + (content.Length - trimmed.Length) + nameLength;
            var markup = trimmed[nameLength..];
            if (name is "raw" or "comment")
            {
                // Everything up to the closing tag is kept (raw) or dropped (comment) without being parsed.
                var closing = name == "raw" ? EndRaw() : EndComment();
                var match = closing.Match(source, position);
                if (!match.Success)
                {
                    throw LiquidSyntaxException.At(source, start, "{% " + name + " %} is never closed with {% end" + name + " %}.");
                }

                if (name == "raw")
                {
                    AddText(segments, source, position, match.Index, trimNextText, match.Value.StartsWith("{%-", StringComparison.Ordinal));
                }

                trimNextText = match.Value.EndsWith("-%}", StringComparison.Ordinal);
                position = match.Index + match.Length;
                continue;
            }

            segments.Add(new MarkupSegment(MarkupSegmentKind.Tag, markup, start, name, markupOffset));
        }

        return segments;
    }

    private static int IndexOfMarkup(string source, int from)
    {
        for (var i = source.IndexOf('{', from); i >= 0 && i + 1 < source.Length; i = source.IndexOf('{', i + 1))
        {
            if (source[i + 1] is '{' or '%')
            {
                return i;
            }
        }

        return -1;
    }

    private static void AddText(List<MarkupSegment> segments, string source, int start, int end, bool trimStart, bool trimEnd)
    {
        var text = source.AsSpan(start, end - start);
        var offset = start;
        if (trimStart)
        {
            var before = text.Length;
            text = text.TrimStart();
            offset += before - text.Length;
        }

        if (trimEnd)
        {
            text = text.TrimEnd();
        }

        if (!text.IsEmpty)
        {
            segments.Add(new MarkupSegment(MarkupSegmentKind.Text, text.ToString(), offset));
        }
    }

    [GeneratedRegex(@"\{%-?\s*endraw\s*-?%\}", RegexOptions.CultureInvariant)]
    private static partial Regex EndRaw();

    [GeneratedRegex(@"\{%-?\s*endcomment\s*-?%\}", RegexOptions.CultureInvariant)]
    private static partial Regex EndComment();
}
