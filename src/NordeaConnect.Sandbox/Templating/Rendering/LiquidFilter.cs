namespace NordeaConnect.Sandbox.Templating.Rendering;

/// <summary>A named filter with the number of arguments it takes, checked when the template is parsed.</summary>
internal sealed record LiquidFilter(string Name, int MinArguments, int MaxArguments, Func<object?, object?[], RenderContext, object?> Apply);
