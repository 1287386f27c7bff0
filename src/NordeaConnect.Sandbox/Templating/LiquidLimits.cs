namespace NordeaConnect.Sandbox.Templating;

/// <summary>
/// Bounds that keep a hostile or careless webhook template from hanging or flooding the sandbox. Templates are
/// merchant input; each limit is checked where it is crossed and reported with the limit's value.
/// </summary>
public sealed record LiquidLimits
{
    /// <summary>The defaults: generous for any real receipt or webhook body, small enough to render in milliseconds.</summary>
    public static LiquidLimits Default { get; } = new();

    /// <summary>Most characters a template may have. Default 65,536.</summary>
    public int MaxTemplateLength { get; init; } = 64 * 1024;

    /// <summary>Deepest nesting of <c>if</c>/<c>for</c>/<c>capture</c> blocks. Default 32.</summary>
    public int MaxNestingDepth { get; init; } = 32;

    /// <summary>Most loop iterations in one render, across all loops. Default 10,000.</summary>
    public int MaxLoopIterations { get; init; } = 10_000;

    /// <summary>Most characters one render may produce. Default 1,048,576.</summary>
    public int MaxOutputLength { get; init; } = 1024 * 1024;
}
