namespace NordeaConnect.Sandbox.Templating.Parsing;

internal enum ExpressionTokenKind
{
    Identifier,
    String,
    Number,
    Dot,
    Range,
    OpenBracket,
    CloseBracket,
    OpenParenthesis,
    CloseParenthesis,
    Pipe,
    Colon,
    Comma,
    Comparison,
    Assign,
    End,
}

/// <summary>A token inside <c>{{ }}</c> or a tag; <see cref="Offset"/> is its position in the whole template.</summary>
internal readonly record struct ExpressionToken(ExpressionTokenKind Kind, string Text, int Offset);
