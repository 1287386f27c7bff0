using System.Text.Json.Nodes;
using NordeaConnect.Sandbox.Clock;
using NordeaConnect.Sandbox.Templating;

namespace NordeaConnect.Sandbox.Tests.Templating;

public sealed class RenderingTests
{
    private static readonly JsonNode Model = JsonNode.Parse("""
        {
          "transaction": {
            "id": 42, "amount": "12.50", "status": "approved", "test": true, "cost": { "total": 2.56 },
            "card_holder": "anna andersson", "created_at": "2018-04-25T10:20:48Z", "customer": null,
            "items": [], "tags": ["a", "b", "c"], "metadata": { "shop order": { "id": "123123" } }
          }
        }
        """)!;

    private static string Render(string template, JsonNode? model = null) => LiquidTemplate.Parse(template).Render(model ?? Model);

    [Theory]
    [InlineData("{{ transaction.id }}", "42")]
    [InlineData("{{ transaction.cost.total }}", "2.56")]
    [InlineData("{{ transaction['amount'] }}", "12.50")]
    [InlineData("{{ transaction.metadata['shop order'].id }}", "123123")]
    [InlineData("{{ transaction.tags[0] }}{{ transaction.tags[-1] }}", "ac")]
    [InlineData("{{ transaction.tags.first }}{{ transaction.tags.last }}{{ transaction.tags.size }}", "ac3")]
    [InlineData("{{ transaction.status.size }}", "8")]
    [InlineData("{{ transaction.test }}", "true")]
    [InlineData("[{{ transaction.customer }}]", "[]")]
    [InlineData("{{ transaction.tags }}", "abc")]
    [InlineData("{{ transaction.cost }}", "{\"total\"=>2.56}")]
    [InlineData("{{ 'literal' }} {{ \"double\" }} {{ 7 }} {{ -1.5 }} {{ true }} {{ nil }}", "literal double 7 -1.5 true ")]
    public void Paths_and_literals_render(string template, string expected) => Assert.Equal(expected, Render(template));

    [Theory]
    [InlineData("{{ transaction.card_holder | upcase }}", "ANNA ANDERSSON")]
    [InlineData("{{ 'ABC' | downcase }}", "abc")]
    [InlineData("{{ transaction.card_holder | capitalize }}", "Anna andersson")]
    [InlineData("{{ '  x  ' | strip }}|{{ '  x' | lstrip }}|{{ 'x  ' | rstrip }}", "x|x|x")]
    [InlineData("{{ 'a' | append: 'b' | prepend: 'c' }}", "cab")]
    [InlineData("{{ 'a-b-c' | replace: '-', '+' }}|{{ 'a-b-c' | remove: '-' }}", "a+b+c|abc")]
    [InlineData("{{ 'Ground control to Major Tom.' | truncate: 20 }}|{{ 'abc' | truncate: 5 }}|{{ 'abcdef' | truncate: 4, '!' }}", "Ground control to...|abc|abc!")]
    [InlineData("{{ '<b>\"x\" & y</b>' | escape }}", "&lt;b&gt;&quot;x&quot; &amp; y&lt;/b&gt;")]
    [InlineData("{{ 'a b&c=d' | url_encode }}|{{ 'a+b%26c' | url_decode }}", "a+b%26c%3Dd|a b&c")]
    [InlineData("{{ '<p>hi <b>there</b></p>' | strip_html }}", "hi there")]
    [InlineData("{{ transaction.customer | default: 'guest' }}|{{ '' | default: 'empty' }}|{{ transaction.items | default: 'none' }}|{{ 'x' | default: 'y' }}", "guest|empty|none|x")]
    [InlineData("{{ transaction.tags | size }}|{{ 'abcd' | size }}|{{ transaction.cost | size }}|{{ nil | size }}", "3|4|1|0")]
    [InlineData("{{ transaction.tags | first }}{{ transaction.tags | last }}", "ac")]
    [InlineData("{{ transaction.tags | join: ', ' }}|{{ transaction.tags | join }}", "a, b, c|a b c")]
    [InlineData("{{ 'x,y,z' | split: ',' | reverse | join: '-' }}", "z-y-x")]
    [InlineData("{{ transaction.card_holder | json }}|{{ transaction.tags | json }}|{{ transaction.cost | json }}|{{ nil | json }}|{{ 5 | json }}", "\"anna andersson\"|[\"a\",\"b\",\"c\"]|{\"total\":2.56}|null|5")]
    [InlineData("{{ transaction.amount | plus: 1 }}|{{ 10 | minus: 2.5 }}|{{ 3 | times: 1.5 }}|{{ 7 | divided_by: 2 }}|{{ 7 | divided_by: 2.0 }}|{{ 7 | modulo: 3 }}", "13.5|7.5|4.5|3|3.5|1")]
    [InlineData("{{ 2.555 | round: 2 }}|{{ 2.5 | round }}|{{ -3 | abs }}|{{ 1.2 | ceil }}|{{ 1.8 | floor }}", "2.56|3|3|2|1")]
    [InlineData("{{ 'line1\nline2' | newline_to_br }}", "line1<br />\nline2")]
    public void Filters_transform_values(string template, string expected) => Assert.Equal(expected, Render(template));

    [Theory]
    [InlineData("{{ transaction.created_at | date: '%Y-%m-%d %H:%M:%S' }}", "2018-04-25 10:20:48")]
    [InlineData("{{ transaction.created_at | date: '%d/%m/%y %I:%M %p, %a %b %e, %A %B, day %j, %%' }}", "25/04/18 10:20 AM, Wed Apr 25, Wednesday April, day 115, %")]
    [InlineData("{{ transaction.created_at | date: '%F %T %z %Z %s' }}", "2018-04-25 10:20:48 +0000 UTC 1524651648")]
    [InlineData("{{ 0 | date: '%Y' }}", "1970")]
    [InlineData("{{ 'not a date' | date: '%Y' }}", "not a date")]
    [InlineData("{{ 'now' | date: '%Y-%m-%d' }}", "2030-01-31")]
    public void The_date_filter_formats_like_strftime(string template, string expected)
    {
        using var clock = new SandboxClock(new DateTimeOffset(2030, 1, 31, 23, 0, 0, TimeSpan.Zero), frozen: true);
        Assert.Equal(expected, LiquidTemplate.Parse(template).Render(Model, clock));
    }

    [Theory]
    [InlineData("{% if transaction.status == 'approved' %}yes{% endif %}", "yes")]
    [InlineData("{% if transaction.status != 'approved' %}yes{% else %}no{% endif %}", "no")]
    [InlineData("{% assign amount = transaction.amount | plus: 0 %}{% if amount > 10 %}big{% elsif amount > 5 %}medium{% else %}small{% endif %}", "big")]
    [InlineData("{% assign amount = transaction.amount | plus: 0 %}{% if amount >= 12.5 and amount <= 12.5 %}exact{% endif %}", "exact")]
    [InlineData("{% if transaction.id < 1 %}a{% elsif transaction.id == 42 %}b{% else %}c{% endif %}", "b")]
    [InlineData("{% if transaction.customer %}a{% else %}b{% endif %}", "b")]
    [InlineData("{% if transaction.customer == nil %}nil{% endif %}", "nil")]
    [InlineData("{% if '' %}truthy{% endif %}", "truthy")]
    [InlineData("{% if transaction.items == empty %}none{% endif %}{% if transaction.tags != empty %}some{% endif %}", "nonesome")]
    [InlineData("{% if transaction.customer == blank %}blank{% endif %}", "blank")]
    [InlineData("{% if transaction.tags contains 'b' %}1{% endif %}{% if transaction.card_holder contains 'anna' %}2{% endif %}{% if transaction.cost contains 'total' %}3{% endif %}", "123")]
    [InlineData("{% if false or true and false %}x{% else %}y{% endif %}", "y")]
    [InlineData("{% if true or false and false %}x{% else %}y{% endif %}", "x")]
    [InlineData("{% if transaction.status <> 'x' %}ne{% endif %}", "ne")]
    [InlineData("{% unless transaction.test %}live{% else %}test{% endunless %}", "test")]
    [InlineData("{% if 'a' < 'b' %}ordered{% endif %}", "ordered")]
    public void Conditions_choose_branches(string template, string expected) => Assert.Equal(expected, Render(template));

    [Theory]
    [InlineData("{% for t in transaction.tags %}{{ forloop.index }}{{ t }}{% if forloop.first %}F{% endif %}{% if forloop.last %}L{% endif %} {% endfor %}", "1aF 2b 3cL ")]
    [InlineData("{% for t in transaction.tags %}{{ forloop.index0 }}{{ forloop.rindex }}{{ forloop.rindex0 }}{{ forloop.length }},{% endfor %}", "0323,1213,2103,")]
    [InlineData("{% for t in transaction.tags limit: 2 %}{{ t }}{% endfor %}", "ab")]
    [InlineData("{% for t in transaction.tags offset: 1 %}{{ t }}{% endfor %}", "bc")]
    [InlineData("{% for t in transaction.tags reversed %}{{ t }}{% endfor %}", "cba")]
    [InlineData("{% for i in (1..4) %}{{ i }}{% endfor %}", "1234")]
    [InlineData("{% for i in (3..1) %}{{ i }}{% else %}none{% endfor %}", "none")]
    [InlineData("{% for x in transaction.items %}{{ x }}{% else %}no items{% endfor %}", "no items")]
    [InlineData("{% for pair in transaction.cost %}{{ pair[0] }}={{ pair[1] }}{% endfor %}", "total=2.56")]
    [InlineData("{% for t in transaction.tags %}{% for u in transaction.tags %}{{ t }}{{ u }}{% endfor %}|{% endfor %}", "aaabac|babbbc|cacbcc|")]
    public void Loops_walk_lists(string template, string expected) => Assert.Equal(expected, Render(template));

    [Theory]
    [InlineData("{% assign name = transaction.card_holder | upcase %}{{ name }}", "ANNA ANDERSSON")]
    [InlineData("{% capture greeting %}Hi {{ transaction.card_holder }}{% endcapture %}[{{ greeting }}]", "[Hi anna andersson]")]
    [InlineData("{% raw %}{{ not rendered }}{% endraw %}", "{{ not rendered }}")]
    [InlineData("a{% comment %}{{ ignored }} {% bogus %}{% endcomment %}b", "ab")]
    [InlineData("a  {{- 'b' -}}  c", "abc")]
    [InlineData("<ul>\n  {%- for t in transaction.tags -%}\n  <li>{{ t }}</li>\n  {%- endfor -%}\n</ul>", "<ul><li>a</li><li>b</li><li>c</li></ul>")]
    [InlineData("no markup at all { } %}", "no markup at all { } %}")]
    public void Tags_and_whitespace_control(string template, string expected) => Assert.Equal(expected, Render(template));

    [Theory]
    [InlineData("{{ transaction.missing.deeper }}", "Undefined variable 'missing'")]
    [InlineData("{{ nothing }}", "Undefined variable 'nothing'")]
    [InlineData("{{ transaction.tags[7] }}", "Undefined variable '[index]'")]
    [InlineData("{{ transaction.customer.ref }}", "Undefined variable 'ref'")]
    [InlineData("{% for t in transaction.tags %}{% endfor %}{{ t }}", "Undefined variable 't'")]
    public void Strict_variables_refuse_names_the_object_lacks(string template, string problem)
    {
        var error = Assert.Throws<LiquidRenderException>(() => Render(template));
        Assert.Equal(problem, error.Message);
    }

    [Fact]
    public void A_model_that_is_not_an_object_defines_no_variables()
    {
        Assert.Equal("[5]", LiquidTemplate.Parse("[{{ 5 }}]").Render(null));
        var error = Assert.Throws<LiquidRenderException>(() => LiquidTemplate.Parse("[{{ transaction.id }}]").Render(JsonValue.Create(5)));
        Assert.Equal("Undefined variable 'transaction'", error.Message);
    }

    [Fact]
    public void Division_by_zero_stops_the_render()
    {
        var error = Assert.Throws<LiquidRenderException>(() => Render("{{ 5 | divided_by: 0 }}"));
        Assert.Contains("divided by 0", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Comparing_an_amount_text_with_a_number_is_refused_by_name()
    {
        // Upstream amounts are strings ("12.50"); Liquid does not compare them with numbers until `| plus: 0` makes one.
        var error = Assert.Throws<LiquidRenderException>(() => Render("{% if transaction.amount > 10 %}big{% endif %}"));
        Assert.Equal("comparison of String with Integer failed", error.Message);
    }

    [Fact]
    public void Arithmetic_on_text_that_is_not_a_number_counts_it_as_zero_as_liquid_does()
    {
        Assert.Equal("1", Render("{{ 'abc' | plus: 1 }}"));
    }
}
