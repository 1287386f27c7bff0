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
/// <c>a and b or c ...</c>. As in Liquid, <c>and</c> and <c>or</c> have equal precedence and group from the right:
/// <c>x or y and z</c> is <c>x or (y and z)</c>. Evaluated in a loop, so a long chain cannot exhaust the stack.
/// </summary>
internal sealed class ConditionChain(IReadOnlyList<Condition> terms, IReadOnlyList<bool> joinedByAnd) : Condition
{
    public override bool IsTrue(RenderContext context)
    {
        var result = terms[^1].IsTrue(context);
        for (var i = terms.Count - 2; i >= 0; i--)
        {
            result = joinedByAnd[i] ? result && terms[i].IsTrue(context) : result || terms[i].IsTrue(context);
        }

        return result;
    }
}

internal sealed class NegatedCondition(Condition inner) : Condition
{
    public override bool IsTrue(RenderContext context) => !inner.IsTrue(context);
}
