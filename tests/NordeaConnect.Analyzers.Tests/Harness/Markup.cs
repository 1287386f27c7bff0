using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace NordeaConnect.Analyzers.Tests.Harness;

/// <summary>An expected diagnostic: its rule (null means "the rule under test") and its span in the plain source.</summary>
internal sealed record ExpectedDiagnostic(string? Id, TextSpan Span);

/// <summary>
/// Reads test sources with markers: <c>[|text|]</c> expects the rule under test on <c>text</c>,
/// <c>{|NC2001:text|}</c> expects that rule. Markers may nest.
/// </summary>
internal static class Markup
{
    public static (string Source, IReadOnlyList<ExpectedDiagnostic> Expected) Parse(string markup)
    {
        var source = new StringBuilder(markup.Length);
        var open = new Stack<(int Start, string? Id, char Close)>();
        var expected = new List<ExpectedDiagnostic>();
        var i = 0;
        while (i < markup.Length)
        {
            if (Starts(markup, i, "[|"))
            {
                open.Push((source.Length, null, ']'));
                i += 2;
            }
            else if (Starts(markup, i, "{|") && TryReadId(markup, i + 2, out var id, out var next))
            {
                open.Push((source.Length, id, '}'));
                i = next;
            }
            else if (open.Count > 0 && Starts(markup, i, "|" + open.Peek().Close))
            {
                var (start, ruleId, _) = open.Pop();
                expected.Add(new ExpectedDiagnostic(ruleId, TextSpan.FromBounds(start, source.Length)));
                i += 2;
            }
            else
            {
                source.Append(markup[i]);
                i++;
            }
        }

        if (open.Count > 0)
        {
            throw new ArgumentException("Test markup has a marker that is never closed.", nameof(markup));
        }

        return (source.ToString(), expected);
    }

    private static bool Starts(string text, int index, string token) => string.CompareOrdinal(text, index, token, 0, token.Length) == 0;

    private static bool TryReadId(string text, int index, out string id, out int next)
    {
        var colon = text.IndexOf(':', index);
        id = colon > index ? text[index..colon] : string.Empty;
        next = colon + 1;
        return id.Length > 0 && id.All(char.IsLetterOrDigit);
    }
}
