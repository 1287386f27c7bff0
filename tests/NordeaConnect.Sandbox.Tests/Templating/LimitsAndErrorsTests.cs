using System.Text.Json.Nodes;
using NordeaConnect.Sandbox.Templating;

namespace NordeaConnect.Sandbox.Tests.Templating;

public sealed class LimitsAndErrorsTests
{
    [Theory]
    [InlineData("Hello {{ name", 1, 7, "'{{' is never closed with '}}'")]
    [InlineData("line one\n  {% if x %}", 2, 3, "{% if %} is never closed with {% endif %}")]
    [InlineData("{% endif %}", 1, 1, "{% endif %} has no matching opening tag")]
    [InlineData("{% for x in y %}{% endif %}", 1, 17, "{% endif %} has no matching opening tag")]
    [InlineData("{% include 'x' %}", 1, 1, "Unknown tag 'include'")]
    [InlineData("{{ x | shout }}", 1, 8, "Unknown filter 'shout'")]
    [InlineData("{{ x | upcase: 1 }}", 1, 8, "'upcase' takes 0 argument(s) but was given 1")]
    [InlineData("{{ x | replace: 'a' }}", 1, 8, "'replace' takes 2 argument(s) but was given 1")]
    [InlineData("{{ }}", 1, 1, "The output {{ }} is empty")]
    [InlineData("{{ x y }}", 1, 6, "Unexpected 'y' in output")]
    [InlineData("{{ 'open }}", 1, 4, "never closed with '")]
    [InlineData("{{ x.[0] }}", 1, 6, "Expected a name after '.'")]
    [InlineData("{{ x[0 }}", 1, 8, "Expected ']' closing the index")]
    [InlineData("{{ x # y }}", 1, 6, "Unexpected character '#'")]
    [InlineData("{% if %}{% endif %}", 1, 1, "{% if %} needs a condition")]
    [InlineData("{% if a == %}{% endif %}", 1, 12, "Expected a value")]
    [InlineData("{% for x of y %}{% endfor %}", 1, 10, "Expected 'in'")]
    [InlineData("{% for x in y sideways %}{% endfor %}", 1, 15, "Unknown for-loop option 'sideways'")]
    [InlineData("{% if a %}{% else b %}{% endif %}", 1, 18, "{% else %} takes no arguments")]
    [InlineData("{% assign = 5 %}", 1, 11, "Expected a variable name")]
    [InlineData("{% raw %}never closed", 1, 1, "{% raw %} is never closed")]
    [InlineData("{% %}", 1, 1, "A tag must start with its name")]
    public void Malformed_templates_are_refused_with_line_and_column(string source, int line, int column, string problem)
    {
        var error = Assert.Throws<LiquidSyntaxException>(() => LiquidTemplate.Parse(source));
        Assert.Contains(problem, error.Problem, StringComparison.Ordinal);
        Assert.Equal((line, column), (error.Line, error.Column));
        Assert.StartsWith("Line " + line + ", column " + column + ": ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_reports_instead_of_throwing()
    {
        Assert.False(LiquidTemplate.TryParse("{% if %}", out var none, out var error));
        Assert.Null(none);
        Assert.Contains("needs a condition", error!.Message, StringComparison.Ordinal);
        Assert.False(LiquidTemplate.TryParse(null, out _, out var missing));
        Assert.Contains("missing", missing!.Message, StringComparison.Ordinal);
        Assert.True(LiquidTemplate.TryParse("{{ a }}", out var template, out _));
        Assert.Equal("{{ a }}", template!.Source);
    }

    [Fact]
    public void A_template_longer_than_the_limit_is_refused()
    {
        var limits = new LiquidLimits { MaxTemplateLength = 100 };
        var error = Assert.Throws<LiquidSyntaxException>(() => LiquidTemplate.Parse(new string('x', 101), limits));
        Assert.Contains("at most 100", error.Message, StringComparison.Ordinal);
        Assert.Equal(new string('x', 100), LiquidTemplate.Parse(new string('x', 100), limits).Render(null));
    }

    [Fact]
    public void Nesting_deeper_than_the_limit_is_refused()
    {
        var limits = new LiquidLimits { MaxNestingDepth = 3 };
        LiquidTemplate.Parse("{% if a %}{% if b %}{% for c in d %}{% endfor %}{% endif %}{% endif %}", limits);
        var error = Assert.Throws<LiquidSyntaxException>(() =>
            LiquidTemplate.Parse("{% if a %}{% if b %}{% for c in d %}{% capture e %}{% endcapture %}{% endfor %}{% endif %}{% endif %}", limits));
        Assert.Contains("nested more than 3 deep", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Loop_iterations_are_bounded_across_nested_loops()
    {
        var limits = new LiquidLimits { MaxLoopIterations = 1000 };
        var model = new JsonObject();
        Assert.Equal(990, LiquidTemplate.Parse("{% for i in (1..10) %}{% for j in (1..99) %}.{% endfor %}{% endfor %}", limits).Render(model).Length);
        var error = Assert.Throws<LiquidRenderException>(() =>
            LiquidTemplate.Parse("{% for i in (1..1000) %}{% for j in (1..1000) %}{% endfor %}{% endfor %}", limits).Render(model));
        Assert.Contains("more than 1000 loop iterations", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Output_is_bounded_including_captures_and_filters()
    {
        var limits = new LiquidLimits { MaxOutputLength = 1000 };
        var model = new JsonObject();
        var direct = Assert.Throws<LiquidRenderException>(() => LiquidTemplate.Parse("{% for i in (1..200) %}0123456789{% endfor %}", limits).Render(model));
        Assert.Contains("exceeds 1000 characters", direct.Message, StringComparison.Ordinal);
        Assert.Throws<LiquidRenderException>(() =>
            LiquidTemplate.Parse("{% for i in (1..200) %}{% capture c %}0123456789{% endcapture %}{% endfor %}", limits).Render(model));
        var doubling = "{% assign s = 'xxxxxxxxxx' %}" + string.Concat(Enumerable.Repeat("{% assign s = s | append: s %}", 10));
        var filtered = Assert.Throws<LiquidRenderException>(() => LiquidTemplate.Parse(doubling, limits).Render(model));
        Assert.Contains("more than 1000 characters", filtered.Message, StringComparison.Ordinal);
    }
}

public sealed class HostileTemplateTests
{
    private static readonly JsonObject Model = new() { ["s"] = "a" };

    [Fact]
    public void A_very_long_condition_chain_parses_and_renders_without_recursion()
    {
        var chain = "{% if " + string.Join(" or ", Enumerable.Repeat("false", 5_000)) + " or true %}yes{% endif %}";
        Assert.Equal("yes", LiquidTemplate.Parse(chain).Render(Model));
        Assert.Equal(string.Empty, LiquidTemplate.Parse("{% if " + string.Join(" and ", Enumerable.Repeat("true", 5_000)) + " and false %}yes{% endif %}").Render(Model));
    }

    [Fact]
    public void Deeply_nested_values_are_refused()
    {
        var nested = "{{ " + string.Concat(Enumerable.Repeat("s[", 200)) + "0" + new string(']', 200) + " }}";
        var error = Assert.Throws<LiquidSyntaxException>(() => LiquidTemplate.Parse(nested));
        Assert.Contains("nested more than 32 deep", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_range_larger_than_the_iteration_budget_is_refused_before_it_is_built()
    {
        var limits = new LiquidLimits { MaxLoopIterations = 1000 };
        foreach (var template in new[] { "{{ (1..1000000000) }}", "{{ (1..1000000000) | reverse | size }}", "{{ (1..1000000000) | join: 'x' }}" })
        {
            var error = Assert.Throws<LiquidRenderException>(() => LiquidTemplate.Parse(template, limits).Render(Model));
            Assert.Contains("more than 1000 items", error.Message, StringComparison.Ordinal);
        }

        Assert.Equal("1000", LiquidTemplate.Parse("{{ (1..1000) | size }}", limits).Render(Model));
    }

    [Fact]
    public void Filters_that_would_multiply_text_are_stopped_before_building_it()
    {
        var limits = new LiquidLimits { MaxOutputLength = 10_000 };
        var replace = "{% capture big %}{% for i in (1..1000) %}a{% endfor %}{% endcapture %}{{ big | replace: 'a', '" + new string('b', 100) + "' | size }}";
        Assert.Throws<LiquidRenderException>(() => LiquidTemplate.Parse(replace, limits).Render(Model));
        var join = "{% assign chars = 'abcdefghij' | split: '' %}{{ chars | join: '" + new string('-', 2000) + "' | size }}";
        Assert.Throws<LiquidRenderException>(() => LiquidTemplate.Parse(join, limits).Render(Model));
        Assert.Equal("19", LiquidTemplate.Parse("{% assign chars = 'abcdefghij' | split: '' %}{{ chars | join: ',' | size }}", limits).Render(Model));
    }
}
