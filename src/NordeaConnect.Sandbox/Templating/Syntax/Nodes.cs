using NordeaConnect.Sandbox.Templating.Rendering;

namespace NordeaConnect.Sandbox.Templating.Syntax;

/// <summary>A piece of a parsed template that writes to the output when rendered.</summary>
internal abstract class TemplateNode
{
    public abstract void Render(RenderContext context);
}

internal sealed class BlockNode(IReadOnlyList<TemplateNode> nodes) : TemplateNode
{
    public override void Render(RenderContext context)
    {
        foreach (var node in nodes)
        {
            node.Render(context);
        }
    }
}

internal sealed class TextNode(string text) : TemplateNode
{
    public override void Render(RenderContext context) => context.Write(text);
}

internal sealed class OutputNode(Expression expression) : TemplateNode
{
    public override void Render(RenderContext context) => context.Write(context.Text(expression.Evaluate(context)));
}

/// <summary><c>if</c>/<c>elsif</c>/<c>else</c> (and <c>unless</c>, whose first condition is negated).</summary>
internal sealed class IfNode(IReadOnlyList<(Condition Condition, BlockNode Body)> branches, BlockNode? otherwise) : TemplateNode
{
    public override void Render(RenderContext context)
    {
        foreach (var (condition, body) in branches)
        {
            if (condition.IsTrue(context))
            {
                body.Render(context);
                return;
            }
        }

        otherwise?.Render(context);
    }
}

/// <summary><c>for item in collection [limit: n] [offset: n] [reversed]</c> with <c>forloop</c> and an optional <c>else</c> for empty collections.</summary>
internal sealed class ForNode(
    string variable,
    Expression collection,
    Expression? limit,
    Expression? offset,
    bool reversed,
    BlockNode body,
    BlockNode? otherwise) : TemplateNode
{
    public override void Render(RenderContext context)
    {
        var items = LiquidValues.ToSequence(collection.Evaluate(context));
        var skip = offset is null ? 0 : Math.Max(0, LiquidValues.ToInteger(offset.Evaluate(context), "for offset"));
        var take = limit is null ? long.MaxValue : Math.Max(0, LiquidValues.ToInteger(limit.Evaluate(context), "for limit"));
        var first = Math.Min(skip, items.Count);
        var count = (int)Math.Min(take, items.Count - first);
        if (count == 0)
        {
            otherwise?.Render(context);
            return;
        }

        var forloop = new ForLoopState(count);
        context.PushScope();
        try
        {
            for (var i = 0; i < count; i++)
            {
                context.CountIteration();
                var index = reversed ? (int)first + count - 1 - i : (int)first + i;
                forloop.Index0 = i;
                context.SetLocal(variable, items[index]);
                context.SetLocal("forloop", forloop.ToValue());
                body.Render(context);
            }
        }
        finally
        {
            context.PopScope();
        }
    }
}

internal sealed class AssignNode(string name, Expression value) : TemplateNode
{
    public override void Render(RenderContext context) => context.SetGlobal(name, value.Evaluate(context));
}

internal sealed class CaptureNode(string name, BlockNode body) : TemplateNode
{
    public override void Render(RenderContext context) => context.SetGlobal(name, context.RenderToString(body));
}
