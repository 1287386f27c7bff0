using System.Collections.Concurrent;
using System.Globalization;
using Fluid;
using Fluid.Filters;
using Fluid.Values;

namespace NordeaConnect.Sandbox.Templating;

/// <summary>
/// Fluid's parser and render options for one set of limits, built once and shared (both are safe across threads).
/// Strict variables and filters, a step limit, output and collection limits, invariant culture, UTC; no
/// <c>include</c> or <c>render</c> (a webhook template has no files to include).
/// </summary>
internal sealed class LiquidEngine
{
    private static readonly ConcurrentDictionary<LiquidLimits, LiquidEngine> Engines = new();

    private LiquidEngine(LiquidLimits limits)
    {
        Limits = limits;
        Parser = new FluidParser(new FluidParserOptions { MaxRecursionDepth = limits.MaxNestingDepth });
        Parser.RegisteredTags.Remove("include");
        Parser.RegisteredTags.Remove("render");
        Options = new TemplateOptionsBuilder()
            .WithStrictVariables(true)
            .WithStrictFilters(true)
            .WithMaxSteps(limits.MaxSteps)
            .WithMaxOutputSize(limits.MaxOutputLength)
            .WithMaxCollectionSize(limits.MaxCollectionSize)
            .WithCultureInfo(CultureInfo.InvariantCulture)
            .WithTimeZone(TimeZoneInfo.Utc)
            .AddFilter("default", DefaultOfDefinedNull)
            .Build();
    }

    public LiquidLimits Limits { get; }

    public FluidParser Parser { get; }

    public TemplateOptions Options { get; }

    public static LiquidEngine For(LiquidLimits limits) => Engines.GetOrAdd(limits, static l => new LiquidEngine(l));

    /// <summary>Liquid's <c>default</c>, which also replaces a field the object defines as null.</summary>
    private static ValueTask<FluidValue> DefaultOfDefinedNull(FluidValue input, FilterArguments arguments, TemplateContext context) =>
        MiscFilters.Default(input is JsonNullValue ? NilValue.Instance : input, arguments, context);
}
