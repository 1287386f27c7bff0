namespace NordeaConnect.Sandbox.Templating;

/// <summary>
/// A render that had to stop: an undefined name (strict variables), an unknown filter (strict filters), a limit, or a
/// filter that could not work on its input (division by zero). The message names the problem.
/// </summary>
public sealed class LiquidRenderException : InvalidOperationException
{
    public LiquidRenderException()
        : base("The template could not be rendered.")
    {
    }

    public LiquidRenderException(string message)
        : base(message)
    {
    }

    public LiquidRenderException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
