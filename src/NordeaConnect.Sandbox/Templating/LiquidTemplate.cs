using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Json.Nodes;
using NordeaConnect.Sandbox.Templating.Parsing;
using NordeaConnect.Sandbox.Templating.Rendering;
using NordeaConnect.Sandbox.Templating.Syntax;

namespace NordeaConnect.Sandbox.Templating;

/// <summary>
/// A parsed Liquid template (the subset webhook templates and receipts use: output with filters, dotted and
/// indexed paths, <c>if</c>/<c>elsif</c>/<c>else</c>, <c>unless</c>, <c>for</c> with <c>forloop</c>, <c>assign</c>,
/// <c>capture</c>, <c>comment</c>, <c>raw</c>, and <c>{{-</c>/<c>-%}</c> whitespace control). Parse once when the
/// template is stored; render for each event. Immutable and safe to render from many threads at once.
/// </summary>
public sealed class LiquidTemplate
{
    private readonly BlockNode _root;

    private LiquidTemplate(string source, BlockNode root, LiquidLimits limits)
    {
        Source = source;
        _root = root;
        Limits = limits;
    }

    /// <summary>The template text as given.</summary>
    public string Source { get; }

    /// <summary>The limits the template was parsed with and renders under.</summary>
    public LiquidLimits Limits { get; }

    /// <summary>Parses <paramref name="source"/>.</summary>
    /// <exception cref="LiquidSyntaxException">The template is malformed, too long or too deeply nested.</exception>
    public static LiquidTemplate Parse(string source, LiquidLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        limits ??= LiquidLimits.Default;
        if (source.Length > limits.MaxTemplateLength)
        {
            throw new LiquidSyntaxException(
                "The template has " + source.Length.ToString(System.Globalization.CultureInfo.InvariantCulture)
                + " characters; at most " + limits.MaxTemplateLength.ToString(System.Globalization.CultureInfo.InvariantCulture) + " are allowed.",
                1,
                1);
        }

        var root = new TemplateParser(source, limits).ParseTemplate();
        return new LiquidTemplate(source, root, limits);
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
    /// Renders the template against <paramref name="model"/> (usually an object such as <c>{"transaction": {...}}</c>).
    /// Names the model lacks render as nothing, as in Liquid. <paramref name="time"/> gives "now" to the date filter.
    /// </summary>
    /// <exception cref="LiquidRenderException">A limit was crossed or a filter failed (e.g. division by zero).</exception>
    public string Render(JsonNode? model, TimeProvider? time = null)
    {
        var output = new StringBuilder();
        var context = new RenderContext(model, Limits, time ?? TimeProvider.System, output);
        _root.Render(context);
        return output.ToString();
    }
}
