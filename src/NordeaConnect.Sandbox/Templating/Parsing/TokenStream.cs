namespace NordeaConnect.Sandbox.Templating.Parsing;

/// <summary>Reads the tokens of one output or tag, reporting surprises at their position in the template.</summary>
internal sealed class TokenStream(string source, List<ExpressionToken> tokens)
{
    private int _position;

    public ExpressionToken Peek => tokens[_position];

    public ExpressionToken PeekAhead => tokens[Math.Min(_position + 1, tokens.Count - 1)];

    public ExpressionToken Next()
    {
        var token = tokens[_position];
        if (token.Kind != ExpressionTokenKind.End)
        {
            _position++;
        }

        return token;
    }

    public bool TryTake(ExpressionTokenKind kind)
    {
        if (Peek.Kind != kind)
        {
            return false;
        }

        Next();
        return true;
    }

    public bool TryTakeWord(string word)
    {
        if (Peek.Kind != ExpressionTokenKind.Identifier || Peek.Text != word)
        {
            return false;
        }

        Next();
        return true;
    }

    public ExpressionToken Expect(ExpressionTokenKind kind, string what)
    {
        if (Peek.Kind != kind)
        {
            throw Error(Peek, "Expected " + what + " but found " + Describe(Peek) + ".");
        }

        return Next();
    }

    public void ExpectEnd(string where)
    {
        if (Peek.Kind != ExpressionTokenKind.End)
        {
            throw Error(Peek, "Unexpected " + Describe(Peek) + " in " + where + ".");
        }
    }

    public LiquidSyntaxException Error(ExpressionToken token, string problem) => LiquidSyntaxException.At(source, token.Offset, problem);

    public static string Describe(ExpressionToken token) => token.Kind switch
    {
        ExpressionTokenKind.End => "the end of the expression",
        ExpressionTokenKind.String => "the string '" + token.Text + "'",
        _ => "'" + token.Text + "'",
    };
}
