using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json.Nodes;
using Fluid;

namespace NordeaConnect.Sandbox.Templating;

/// <summary>
/// A webhook template parsed by Fluid (the .NET Liquid engine). Parse once when the template is stored; render for
/// each event. Rendering is strict: a name the event's object lacks and an unknown filter stop the render with a
/// message naming them, and every render runs under <see cref="LiquidLimits"/>. Safe to render from many threads.
/// </summary>
public sealed class LiquidTemplate
{
    private readonly IFluidTemplate _template;
    private readonly TemplateOptions _options;

    private LiquidTemplate(string source, IFluidTemplate template, LiquidLimits limits, TemplateOptions options)
    {
        Source = source;
        _template = template;
        Limits = limits;
        _options = options;
    }

    /// <summary>The template text as given.</summary>
    public string Source { get; }

    /// <summary>The limits the template was parsed with and renders under.</summary>
    public LiquidLimits Limits { get; }

    /// <summary>Parses <paramref name="source"/>.</summary>
    /// <exception cref="LiquidSyntaxException">The template is malformed, too long, too deeply nested or uses an unknown filter or tag.</exception>
    public static LiquidTemplate Parse(string source, LiquidLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        var engine = LiquidEngine.For(limits ?? LiquidLimits.Default);
        if (source.Length > engine.Limits.MaxTemplateLength)
        {
            throw new LiquidSyntaxException(
                string.Create(CultureInfo.InvariantCulture, $"The template has {source.Length} characters; at most {engine.Limits.MaxTemplateLength} are allowed."),
                1,
                1);
        }

        IFluidTemplate template;
        try
        {
            template = engine.Parser.Parse(source);
        }
        catch (ParseException error)
        {
            throw FromParseError(error);
        }
        catch (InvalidOperationException error)
        {
            // Fluid's parser stops with this when nesting goes deeper than its recursion limit.
            throw new LiquidSyntaxException(error.Message + " (nesting deeper than " + engine.Limits.MaxNestingDepth.ToString(CultureInfo.InvariantCulture) + ")", 1, 1);
        }

        var check = new FilterNameCheck(engine.Options.Filters);
        check.VisitTemplate(template);
        if (check.UnknownFilter is { } unknown)
        {
            throw new LiquidSyntaxException("Unknown filter '" + unknown + "'", 1, 1);
        }

        return new LiquidTemplate(source, template, engine.Limits, engine.Options);
    }

    /// <summary>Parses <paramref name="source"/>, reporting a malformed template through <paramref name="error"/>.</summary>
    public static bool TryParse(string? source, [NotNullWhen(true)] out LiquidTemplate? template, [NotNullWhen(false)] out LiquidSyntaxException? error, LiquidLimits? limits = null)
    {
        if (source is null)
        {
            template = null;
            error = new LiquidSyntaxException("The template is missing.", 1, 1);
            return false;
        }

        try
        {
            template = Parse(source, limits);
            error = null;
            return true;
        }
        catch (LiquidSyntaxException exception)
        {
            template = null;
            error = exception;
            return false;
        }
    }

    /// <summary>
    /// Renders the template against <paramref name="model"/> (an object such as <c>{"transaction": {...}}</c>; each of
    /// its properties is a variable). <paramref name="time"/> gives "now" to the date filter.
    /// </summary>
    /// <exception cref="LiquidRenderException">An undefined name, an unknown filter, a crossed limit or a failing filter.</exception>
    public string Render(JsonNode? model, TimeProvider? time = null)
    {
        var clock = time ?? TimeProvider.System;
        var context = new TemplateContext(_options) { Now = clock.GetUtcNow };
        if (model is JsonObject variables)
        {
            foreach (var (name, value) in variables)
            {
                context.SetValue(name, LiquidModel.From(value));
            }
        }

        try
        {
            return _template.Render(context);
        }
        catch (Exception error) when (error is FluidException or LiquidException or InvalidOperationException or FormatException or OverflowException)
        {
            throw new LiquidRenderException(error.Message, error);
        }
    }

    private static LiquidSyntaxException FromParseError(ParseException error)
    {
        // Fluid's message is "<problem> at (line:column)\nSource:\n<the line>"; the position is reported on its own.
        var problem = error.Message.Split('\n')[0].TrimEnd('\r');
        var at = problem.LastIndexOf(" at (", StringComparison.Ordinal);
        if (at > 0)
        {
            problem = problem[..at];
        }

        return error.Position is { } position
            ? new LiquidSyntaxException(problem, position.Line, position.Column)
            : new LiquidSyntaxException(problem, 1, 1);
    }
}
