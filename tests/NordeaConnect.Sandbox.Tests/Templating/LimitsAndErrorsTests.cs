using System.Text.Json.Nodes;
using NordeaConnect.Sandbox.Templating;

namespace NordeaConnect.Sandbox.Tests.Templating;

public sealed class LimitsAndErrorsTests
{
    [Theory]
    [InlineData("Hello {{ name", 1, 14, "End of tag '}}' was expected")]
    [InlineData("line one\n  {% if x %}", 2, 13, "'{% endif %}' was expected")]
    [InlineData("{% endif %}", 1, 9, "Unknown tag 'endif'")]
    [InlineData("{% include 'x' %}", 1, 11, "Unknown tag 'include'")]
    [InlineData("{% render 'x' %}", 1, 10, "Unknown tag 'render'")]
    [InlineData("{{ x y }}", 1, 5, "End of tag '}}' was expected")]
    [InlineData("{{ 'open }}", 1, 3, "A value was expected")]
    [InlineData("{% if %}{% endif %}", 1, 6, "Invalid 'if' tag")]
    [InlineData("{% for x of y %}{% endfor %}", 1, 7, "Invalid 'for' tag")]
    [InlineData("{% for x in y sideways %}{% endfor %}", 1, 14, "Invalid attribute in for loop")]
    [InlineData("{% assign = 5 %}", 1, 10, "An identifier was expected after the 'assign' tag")]
    [InlineData("{% raw %}never closed", 1, 7, "Not end tag found for {% raw %}")]
    [InlineData("{% %}", 1, 3, "An identifier was expected after '{%'")]
    public void Malformed_templates_are_refused_with_line_and_column(string source, int line, int column, string problem)
    {
        var error = Assert.Throws<LiquidSyntaxException>(() => LiquidTemplate.Parse(source));
        Assert.Contains(problem, error.Problem, StringComparison.Ordinal);
        Assert.Equal((line, column), (error.Line, error.Column));
        Assert.StartsWith("Line " + line + ", column " + column + ": ", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{{ x | shout }}", "shout")]
    [InlineData("{% if a %}{{ a | upcase | shout_louder }}{% endif %}", "shout_louder")]
    [InlineData("{% for p in ps %}{% assign n = p | frobnicate: 2 %}{% endfor %}", "frobnicate")]
    public void Unknown_filters_are_refused_when_the_template_is_parsed(string source, string filter)
    {
        var error = Assert.Throws<LiquidSyntaxException>(() => LiquidTemplate.Parse(source));
        Assert.Equal("Unknown filter '" + filter + "'", error.Problem);
    }

    [Fact]
    public void A_filter_given_the_wrong_number_of_arguments_stops_the_render_naming_it()
    {
        var error = Assert.Throws<LiquidRenderException>(() => LiquidTemplate.Parse("{{ 'x' | upcase: 1 }}").Render(new JsonObject()));
        Assert.Contains("'upcase'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_reports_instead_of_throwing()
    {
        Assert.False(LiquidTemplate.TryParse("{% if %}", out var none, out var error));
        Assert.Null(none);
        Assert.Contains("Invalid 'if' tag", error!.Message, StringComparison.Ordinal);
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
    public void Nesting_deeper_than_the_parser_limit_is_refused()
    {
        var sixDeep = string.Concat(Enumerable.Repeat("{% if true %}", 6)) + "{% for c in (1..2) %}{% capture e %}x{% endcapture %}{{ e }}{% endfor %}" + string.Concat(Enumerable.Repeat("{% endif %}", 6));
        Assert.Equal("xx", LiquidTemplate.Parse(sixDeep).Render(new JsonObject()));
        var deep = string.Concat(Enumerable.Repeat("{% if true %}", 200)) + string.Concat(Enumerable.Repeat("{% endif %}", 200));
        var error = Assert.Throws<LiquidSyntaxException>(() => LiquidTemplate.Parse(deep));
        Assert.Contains("maximum parser recursion depth of 32", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_step_limit_bounds_loops_across_nested_loops()
    {
        var limits = new LiquidLimits { MaxSteps = 5000 };
        var model = new JsonObject();
        Assert.Equal(990, LiquidTemplate.Parse("{% for i in (1..10) %}{% for j in (1..99) %}.{% endfor %}{% endfor %}", limits).Render(model).Length);
        var error = Assert.Throws<LiquidRenderException>(() =>
            LiquidTemplate.Parse("{% for i in (1..1000) %}{% for j in (1..1000) %}{% endfor %}{% endfor %}", limits).Render(model));
        Assert.Contains("maximum number of 5000 steps", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Output_is_bounded_including_captures_and_filters()
    {
        var limits = new LiquidLimits { MaxOutputLength = 1000 };
        var model = new JsonObject();
        var direct = Assert.Throws<LiquidRenderException>(() => LiquidTemplate.Parse("{% for i in (1..200) %}0123456789{% endfor %}", limits).Render(model));
        Assert.Contains("maximum template output size of 1000 characters", direct.Message, StringComparison.Ordinal);
        Assert.Throws<LiquidRenderException>(() =>
            LiquidTemplate.Parse("{% assign c = '' %}{% for i in (1..200) %}{% capture c %}{{ c }}0123456789{% endcapture %}{% endfor %}", limits).Render(model));
        var doubling = "{% assign s = 'xxxxxxxxxx' %}" + string.Concat(Enumerable.Repeat("{% assign s = s | append: s %}", 10)) + "{{ s | size }}";
        var filtered = Assert.Throws<LiquidRenderException>(() => LiquidTemplate.Parse(doubling, limits).Render(model));
        Assert.Contains("1000 characters", filtered.Message, StringComparison.Ordinal);
    }
}

public sealed class HostileTemplateTests
{
    private static readonly JsonObject Model = new() { ["s"] = "a" };

    [Fact]
    public void A_very_long_condition_chain_is_refused_by_the_parser_depth_limit_not_a_stack_overflow()
    {
        Assert.Equal("yes", LiquidTemplate.Parse("{% if " + string.Join(" or ", Enumerable.Repeat("false", 11)) + " or true %}yes{% endif %}").Render(Model));
        var chain = "{% if " + string.Join(" or ", Enumerable.Repeat("false", 5_000)) + " or true %}yes{% endif %}";
        var error = Assert.Throws<LiquidSyntaxException>(() => LiquidTemplate.Parse(chain));
        Assert.Contains("maximum parser recursion depth", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_range_larger_than_the_collection_limit_is_refused_before_it_is_built()
    {
        var limits = new LiquidLimits { MaxCollectionSize = 1000 };
        foreach (var template in new[] { "{{ (1..1000000000) | size }}", "{{ (1..1000000000) | reverse | size }}", "{{ (1..1000000000) | join: 'x' }}", "{% for i in (1..1000000000) %}{% endfor %}" })
        {
            var error = Assert.Throws<LiquidRenderException>(() => LiquidTemplate.Parse(template, limits).Render(Model));
            Assert.Contains("maximum materialized collection size of 1000 items", error.Message, StringComparison.Ordinal);
        }

        Assert.Equal("1000", LiquidTemplate.Parse("{{ (1..1000) | size }}", limits).Render(Model));
    }

    [Fact]
    public void Filters_that_would_multiply_text_are_stopped()
    {
        var limits = new LiquidLimits { MaxOutputLength = 10_000 };
        var replace = "{% capture big %}{% for i in (1..1000) %}a{% endfor %}{% endcapture %}{{ big | replace: 'a', '" + new string('b', 100) + "' | size }}";
        Assert.Throws<LiquidRenderException>(() => LiquidTemplate.Parse(replace, limits).Render(Model));
        var join = "{% assign chars = 'abcdefghij' | split: '' %}{{ chars | join: '" + new string('-', 2000) + "' }}";
        Assert.Throws<LiquidRenderException>(() => LiquidTemplate.Parse(join, limits).Render(Model));
        Assert.Equal("19", LiquidTemplate.Parse("{% assign chars = 'abcdefghij' | split: '' %}{{ chars | join: ',' | size }}", limits).Render(Model));
    }
}
