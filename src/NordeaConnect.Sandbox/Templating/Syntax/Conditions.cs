using NordeaConnect.Sandbox.Templating.Rendering;

namespace NordeaConnect.Sandbox.Templating.Syntax;

/// <summary>The test of an <c>if</c>, <c>elsif</c> or <c>unless</c>.</summary>
internal abstract class Condition
{
    public abstract bool IsTrue(RenderContext context);
}

/// <summary><c>a</c> alone (truthy unless nil or false) or <c>a op b</c> with ==, !=, &lt;&gt;, &lt;, &gt;, &lt;=, &gt;=, contains.</summary>
internal sealed class ComparisonCondition(Expression left, string? comparison, Expression? right) : Condition
{
    public override bool IsTrue(RenderContext context)
    {
        var leftValue = left.Evaluate(context);
        if (comparison is null)
        {
            return LiquidValues.IsTruthy(leftValue);
        }

        var rightValue = right!.Evaluate(context);
        return comparison switch
        {
            "==" => LiquidValues.AreEqual(leftValue, rightValue),
            "!=" or "<>" => !LiquidValues.AreEqual(leftValue, rightValue),
            "contains" => LiquidValues.Contains(leftValue, rightValue),
            _ => LiquidValues.Compare(leftValue, rightValue) is { } order && comparison switch
            {
                "<" => order < 0,
                ">" => order > 0,
                "<=" => order <= 0,
                _ => order >= 0,
            },
        };
    }
}

/// <summary>
/// <c>a and b</c> / <c>a or b</c>. As in Liquid, <c>and</c> and <c>or</c> have equal precedence and group from the right:
/// <c>x or y and z</c> is <c>x or (y and z)</c>.
/// </summary>
internal sealed class LogicalCondition(bool isAnd, Condition left, Condition right) : Condition
{
    public override bool IsTrue(RenderContext context) =>
        isAnd ? left.IsTrue(context) && right.IsTrue(context) : left.IsTrue(context) || right.IsTrue(context);
}

internal sealed class NegatedCondition(Condition inner) : Condition
{
    public override bool IsTrue(RenderContext context) => !inner.IsTrue(context);
}
