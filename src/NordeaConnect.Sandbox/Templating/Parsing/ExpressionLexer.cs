namespace NordeaConnect.Sandbox.Templating.Parsing;

/// <summary>Turns the inside of an output or tag into tokens.</summary>
internal static class ExpressionLexer
{
    public static List<ExpressionToken> Tokenize(string source, string markup, int markupOffset)
    {
        var tokens = new List<ExpressionToken>();
        var i = 0;
        while (i < markup.Length)
        {
            var c = markup[i];
            var offset = markupOffset + i;
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            if (c is '\'' or '"')
            {
                var end = markup.IndexOf(c, i + 1);
                if (end < 0)
                {
                    throw LiquidSyntaxException.At(source, offset, "The string starting here is never closed with " + c + ".");
                }

                tokens.Add(new ExpressionToken(ExpressionTokenKind.String, markup[(i + 1)..end], offset));
                i = end + 1;
                continue;
            }

            if (char.IsAsciiDigit(c) || (c == '-' && i + 1 < markup.Length && char.IsAsciiDigit(markup[i + 1])))
            {
                var start = i;
                i++;
                while (i < markup.Length && char.IsAsciiDigit(markup[i]))
                {
                    i++;
                }

                // A dot followed by a digit is a decimal point; "1..5" is a range.
                if (i + 1 < markup.Length && markup[i] == '.' && char.IsAsciiDigit(markup[i + 1]))
                {
                    i++;
                    while (i < markup.Length && char.IsAsciiDigit(markup[i]))
                    {
                        i++;
                    }
                }

                tokens.Add(new ExpressionToken(ExpressionTokenKind.Number, markup[start..i], offset));
                continue;
            }

            if (char.IsAsciiLetter(c) || c == '_')
            {
                var start = i;
                while (i < markup.Length && (char.IsAsciiLetterOrDigit(markup[i]) || markup[i] is '_' or '-' or '?'))
                {
                    i++;
                }

                tokens.Add(new ExpressionToken(ExpressionTokenKind.Identifier, markup[start..i], offset));
                continue;
            }

            var two = i + 1 < markup.Length ? markup.Substring(i, 2) : string.Empty;
            if (two is "==" or "!=" or "<>" or "<=" or ">=")
            {
                tokens.Add(new ExpressionToken(ExpressionTokenKind.Comparison, two, offset));
                i += 2;
                continue;
            }

            if (two == "..")
            {
                tokens.Add(new ExpressionToken(ExpressionTokenKind.Range, two, offset));
                i += 2;
                continue;
            }

            var kind = c switch
            {
                '.' => ExpressionTokenKind.Dot,
                '[' => ExpressionTokenKind.OpenBracket,
                ']' => ExpressionTokenKind.CloseBracket,
                '(' => ExpressionTokenKind.OpenParenthesis,
                ')' => ExpressionTokenKind.CloseParenthesis,
                '|' => ExpressionTokenKind.Pipe,
                ':' => ExpressionTokenKind.Colon,
                ',' => ExpressionTokenKind.Comma,
                '<' or '>' => ExpressionTokenKind.Comparison,
                '=' => ExpressionTokenKind.Assign,
                _ => throw LiquidSyntaxException.At(source, offset, "Unexpected character '" + c + "'."),
            };
            tokens.Add(new ExpressionToken(kind, c.ToString(), offset));
            i++;
        }

        tokens.Add(new ExpressionToken(ExpressionTokenKind.End, string.Empty, markupOffset + markup.Length));
        return tokens;
    }
}
