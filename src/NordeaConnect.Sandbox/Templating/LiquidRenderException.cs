namespace NordeaConnect.Sandbox.Templating;

/// <summary>A render that had to stop: a limit was crossed or a filter could not work on its input (division by zero).</summary>
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
