namespace NordeaConnect.Sandbox.Templating;

/// <summary>
/// Bounds that keep a hostile or careless webhook template from hanging or flooding the sandbox. Templates are
/// merchant input; the template length is checked here, the rest by Fluid while it parses and renders.
/// </summary>
public sealed record LiquidLimits
{
    /// <summary>The defaults: generous for any real receipt or webhook body, small enough to render in milliseconds.</summary>
    public static LiquidLimits Default { get; } = new();

    /// <summary>Most characters a template may have. Default 65,536.</summary>
    public int MaxTemplateLength { get; init; } = 64 * 1024;

    /// <summary>Deepest nesting the parser accepts (Fluid's parser recursion depth). Default 32.</summary>
    public int MaxNestingDepth { get; init; } = 32;

    /// <summary>Most statements and loop iterations one render may execute (Fluid's step limit). Default 100,000.</summary>
    public int MaxSteps { get; init; } = 100_000;

    /// <summary>Most items a range, split or loop may materialise. Default 10,000.</summary>
    public int MaxCollectionSize { get; init; } = 10_000;

    /// <summary>Most characters one render may produce, captures included. Default 1,048,576.</summary>
    public int MaxOutputLength { get; init; } = 1024 * 1024;
}
