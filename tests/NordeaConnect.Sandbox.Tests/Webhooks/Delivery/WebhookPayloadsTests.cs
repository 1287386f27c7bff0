using System.Text.Json.Nodes;
using NordeaConnect.Sandbox.Templating;
using NordeaConnect.Sandbox.Webhooks.Delivery;

namespace NordeaConnect.Sandbox.Tests.Webhooks.Delivery;

public sealed class WebhookPayloadsTests
{
    private static readonly JsonNode Transaction = JsonNode.Parse("""
        {"id": 1, "amount": "5.00", "test": true, "customer": null,
         "metadata": {"products": [{"name": "Nice Shoe", "qty": "1"}], "note": "a&b=c d"}}
        """)!;

    [Fact]
    public void Json_is_the_object_itself() =>
        Assert.Equal(Transaction.ToJsonString(), WebhookPayloads.Serialize(Transaction, "transaction", WebhookDataFormat.Json));

    [Fact]
    public void Form_data_flattens_with_brackets_and_escapes_values() =>
        Assert.Equal(
            "id=1&amount=5.00&test=true&customer=&metadata%5Bproducts%5D%5B0%5D%5Bname%5D=Nice%20Shoe&metadata%5Bproducts%5D%5B0%5D%5Bqty%5D=1&metadata%5Bnote%5D=a%26b%3Dc%20d",
            WebhookPayloads.Serialize(Transaction, "transaction", WebhookDataFormat.FormData));

    [Fact]
    public void Xml_has_the_object_under_its_root_element() =>
        Assert.Equal(
            "<?xml version=\"1.0\" encoding=\"utf-8\"?><transaction><id>1</id><amount>5.00</amount><test>true</test><customer nil=\"true\" />"
            + "<metadata><products type=\"array\"><item><name>Nice Shoe</name><qty>1</qty></item></products><note>a&amp;b=c d</note></metadata></transaction>",
            WebhookPayloads.Serialize(Transaction, "transaction", WebhookDataFormat.Xml));

    [Fact]
    public void A_template_renders_with_the_object_under_its_root_name()
    {
        var template = LiquidTemplate.Parse("{\"ref\": {{ transaction.id | json }}, \"first\": {{ transaction.metadata.products.first.name | json }}}");
        Assert.Equal("{\"ref\": 1, \"first\": \"Nice Shoe\"}", WebhookPayloads.Render(template, "transaction", Transaction));
    }

    [Theory]
    [InlineData("key=value key2=value2", "key:value|key2:value2")]
    [InlineData("  X-Token=a=b  ", "X-Token:a=b")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Custom_headers_are_key_value_pairs(string? text, string expected)
    {
        Assert.True(WebhookPayloads.TryParseCustomHeaders(text, out var headers, out _));
        Assert.Equal(expected, string.Join('|', headers.Select(h => h.Key + ":" + h.Value)));
    }

    [Theory]
    [InlineData("novalue", "has no key=value")]
    [InlineData("=value", "has no key=value")]
    [InlineData("bad(name)=1", "not a valid header name")]
    public void Malformed_custom_headers_are_refused(string text, string reason)
    {
        Assert.False(WebhookPayloads.TryParseCustomHeaders(text, out _, out var error));
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("json", WebhookDataFormat.Json)]
    [InlineData("XML", WebhookDataFormat.Xml)]
    [InlineData("form_data", WebhookDataFormat.FormData)]
    [InlineData("form_post", WebhookDataFormat.FormData)]
    public void Data_formats_parse_in_the_references_spellings(string text, WebhookDataFormat expected)
    {
        Assert.True(WebhookDelivery.TryParseDataFormat(text, out var format));
        Assert.Equal(expected, format);
        Assert.False(WebhookDelivery.TryParseDataFormat("yaml", out _));
    }
}
