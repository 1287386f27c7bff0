using System.Globalization;

namespace NordeaConnect.Sandbox.Templating;

/// <summary>A template that cannot be parsed: the message says what is wrong and where (1-based line and column).</summary>
public sealed class LiquidSyntaxException : FormatException
{
    public LiquidSyntaxException(string problem, int line, int column)
        : base(string.Create(CultureInfo.InvariantCulture, $"Line {line}, column {column}: {problem}"))
    {
        Problem = problem;
        Line = line;
        Column = column;
    }

    public LiquidSyntaxException()
        : this("The template is malformed.", 1, 1)
    {
    }

    public LiquidSyntaxException(string message)
        : this(message, 1, 1)
    {
    }

    public LiquidSyntaxException(string message, Exception innerException)
        : base(message, innerException)
    {
        Problem = message;
        Line = 1;
        Column = 1;
    }

    /// <summary>What is wrong, without the position.</summary>
    public string Problem { get; }

    /// <summary>1-based line of the problem.</summary>
    public int Line { get; }

    /// <summary>1-based column of the problem.</summary>
    public int Column { get; }
}
