using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using NordeaConnect.Sandbox.Templating.Syntax;

namespace NordeaConnect.Sandbox.Templating.Rendering;

/// <summary>The state of one render: the model, variables in scope, the output and the budgets left.</summary>
internal sealed class RenderContext(JsonNode? model, LiquidLimits limits, TimeProvider time, StringBuilder output)
{
    private readonly Dictionary<string, object?> _globals = new(StringComparer.Ordinal);
    private readonly List<Dictionary<string, object?>> _locals = [];
    private StringBuilder _output = output;
    private long _written;
    private long _iterations;

    public TimeProvider Time => time;

    public LiquidLimits Limits => limits;

    /// <summary>A value as text, refusing to build text longer than the output limit (a list of a million items, say).</summary>
    public string Text(object? value) => LiquidValues.ToText(value, limits.MaxOutputLength);

    /// <summary>The <c>join</c> filter, checking the length as it goes rather than after building the whole string.</summary>
    public string Join(IReadOnlyList<object?> items, string separator)
    {
        var joined = new StringBuilder();
        for (var i = 0; i < items.Count; i++)
        {
            if (i > 0)
            {
                joined.Append(separator);
            }

            joined.Append(Text(items[i]));
            Reserve(joined.Length);
        }

        return joined.ToString();
    }

    /// <summary>Refuses to build a value of <paramref name="length"/> characters if it exceeds the output limit.</summary>
    public void Reserve(long length)
    {
        if (length > limits.MaxOutputLength)
        {
            throw new LiquidRenderException(
                "A filter produced more than " + limits.MaxOutputLength.ToString(CultureInfo.InvariantCulture) + " characters.");
        }
    }

    public object? Lookup(string name)
    {
        for (var i = _locals.Count - 1; i >= 0; i--)
        {
            if (_locals[i].TryGetValue(name, out var local))
            {
                return local;
            }
        }

        if (_globals.TryGetValue(name, out var global))
        {
            return global;
        }

        return model is JsonObject root && root.TryGetPropertyValue(name, out var node) ? LiquidValues.FromNode(node) : null;
    }

    public void PushScope() => _locals.Add(new Dictionary<string, object?>(StringComparer.Ordinal));

    public void PopScope() => _locals.RemoveAt(_locals.Count - 1);

    public void SetLocal(string name, object? value) => _locals[^1][name] = value;

    public void SetGlobal(string name, object? value) => _globals[name] = value;

    public void Write(string text)
    {
        // Captured text counts too: capture inside a loop is the classic way to build an unbounded string.
        _written += text.Length;
        if (_written > limits.MaxOutputLength)
        {
            throw new LiquidRenderException(
                "The rendered output exceeds " + limits.MaxOutputLength.ToString(CultureInfo.InvariantCulture) + " characters.");
        }

        _output.Append(text);
    }

    public void CountIteration()
    {
        if (++_iterations > limits.MaxLoopIterations)
        {
            throw new LiquidRenderException(
                "The template runs more than " + limits.MaxLoopIterations.ToString(CultureInfo.InvariantCulture) + " loop iterations.");
        }
    }

    /// <summary>Renders <paramref name="body"/> into a string of its own (for <c>capture</c>).</summary>
    public string RenderToString(BlockNode body)
    {
        var outer = _output;
        _output = new StringBuilder();
        try
        {
            body.Render(this);
            return _output.ToString();
        }
        finally
        {
            _output = outer;
        }
    }

    /// <summary>Builds a text value, charging its length to the output budget so filters cannot build huge strings unseen.</summary>
    public string Produce(string text)
    {
        Reserve(text.Length);
        return text;
    }
}
