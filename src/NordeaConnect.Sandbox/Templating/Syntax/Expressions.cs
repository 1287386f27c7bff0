using NordeaConnect.Sandbox.Templating.Rendering;

namespace NordeaConnect.Sandbox.Templating.Syntax;

/// <summary>Something that evaluates to a Liquid value (see <see cref="LiquidValues"/> for the value kinds).</summary>
internal abstract class Expression
{
    public abstract object? Evaluate(RenderContext context);
}

internal sealed class LiteralExpression(object? value) : Expression
{
    public override object? Evaluate(RenderContext context) => value;
}

/// <summary>A variable and the member and index steps after it: <c>transaction.metadata['products'].first.name</c>.</summary>
internal sealed class VariableExpression(string name, IReadOnlyList<PathStep> steps) : Expression
{
    public override object? Evaluate(RenderContext context)
    {
        var value = context.Lookup(name);
        foreach (var step in steps)
        {
            if (value is null)
            {
                return null;
            }

            value = step.Index is { } index
                ? LiquidValues.Index(value, index.Evaluate(context))
                : LiquidValues.Member(value, step.Name!);
        }

        return value;
    }
}

/// <summary>One step of a path: <c>.name</c> (Name set) or <c>[expression]</c> (Index set).</summary>
internal readonly record struct PathStep(string? Name, Expression? Index);

/// <summary><c>(1..n)</c>: the integers from one bound to the other.</summary>
internal sealed class RangeExpression(Expression from, Expression to) : Expression
{
    public override object? Evaluate(RenderContext context)
    {
        var start = LiquidValues.ToInteger(from.Evaluate(context), "range start");
        var end = LiquidValues.ToInteger(to.Evaluate(context), "range end");
        var range = new LiquidRange(start, end);

        // No template needs more items than it may iterate; a bigger range could only be reversed or printed into exhaustion.
        if (range.Count > context.Limits.MaxLoopIterations)
        {
            throw new LiquidRenderException(
                "The range has more than " + context.Limits.MaxLoopIterations.ToString(System.Globalization.CultureInfo.InvariantCulture) + " items.");
        }

        return range;
    }
}

/// <summary>An expression passed through filters: <c>transaction.amount | upcase</c>.</summary>
internal sealed class FilteredExpression(Expression input, IReadOnlyList<FilterCall> filters) : Expression
{
    public override object? Evaluate(RenderContext context)
    {
        var value = input.Evaluate(context);
        foreach (var call in filters)
        {
            var arguments = new object?[call.Arguments.Count];
            for (var i = 0; i < arguments.Length; i++)
            {
                arguments[i] = call.Arguments[i].Evaluate(context);
            }

            value = call.Filter.Apply(value, arguments, context);
        }

        return value;
    }
}

internal sealed record FilterCall(LiquidFilter Filter, IReadOnlyList<Expression> Arguments);
