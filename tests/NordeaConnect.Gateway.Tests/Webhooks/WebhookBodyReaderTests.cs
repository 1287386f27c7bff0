using System.Text;
using NordeaConnect.Gateway.Webhooks;

namespace NordeaConnect.Gateway.Tests.Webhooks;

public sealed class WebhookBodyReaderTests
{
    [Theory]
    [InlineData(WebhookBodyFormat.Json, "{\"id\": 4711, \"amount\": \"10.00\", \"status\": \"approved\"}")]
    [InlineData(WebhookBodyFormat.Json, "{\"transaction\": {\"id\": \"4711\"}}")]
    [InlineData(WebhookBodyFormat.FormData, "amount=10.00&id=4711&metadata%5Bproducts%5D%5B0%5D%5Bname%5D=Shoe")]
    [InlineData(WebhookBodyFormat.FormData, "transaction%5Bid%5D=4711")]
    [InlineData(WebhookBodyFormat.Xml, "<?xml version=\"1.0\" encoding=\"utf-8\"?><transaction><amount>10.00</amount><refunds type=\"array\"><item><id>9</id></item></refunds><id>4711</id></transaction>")]
    public void Reads_only_the_id_from_every_format(WebhookBodyFormat format, string body)
    {
        Assert.True(WebhookBodyReader.TryReadId(Encoding.UTF8.GetBytes(body), format, "transaction", out var id, out var error), error);
        Assert.Equal(4711, id);
    }

    [Theory]
    [InlineData(WebhookBodyFormat.Json, "{\"id\": 47", "not valid JSON")]
    [InlineData(WebhookBodyFormat.Json, "[1, 2]", "not an object")]
    [InlineData(WebhookBodyFormat.Json, "{\"amount\": \"10.00\"}", "no id field")]
    [InlineData(WebhookBodyFormat.Json, "{\"id\": -3}", "not a positive whole number")]
    [InlineData(WebhookBodyFormat.Json, "{\"id\": 1.5}", "not a positive whole number")]
    [InlineData(WebhookBodyFormat.FormData, "amount=10.00", "no id field")]
    [InlineData(WebhookBodyFormat.FormData, "id=abc", "not a positive whole number")]
    [InlineData(WebhookBodyFormat.Xml, "<transaction><id>1</transaction>", "not well-formed XML")]
    [InlineData(WebhookBodyFormat.Xml, "<order><total>1</total></order>", "root element is <order>")]
    [InlineData(WebhookBodyFormat.Xml, "<!DOCTYPE x [<!ENTITY e \"1\">]><transaction><id>&e;</id></transaction>", "not well-formed XML")]
    public void Refuses_bodies_naming_the_problem(WebhookBodyFormat format, string body, string expected)
    {
        Assert.False(WebhookBodyReader.TryReadId(Encoding.UTF8.GetBytes(body), format, "transaction", out _, out var error));
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("application/json; charset=utf-8", WebhookBodyFormat.Json)]
    [InlineData("application/x-www-form-urlencoded", WebhookBodyFormat.FormData)]
    [InlineData("application/xml; charset=utf-8", WebhookBodyFormat.Xml)]
    [InlineData("TEXT/XML", WebhookBodyFormat.Xml)]
    public void Knows_the_content_types_upstream_sends(string contentType, WebhookBodyFormat expected)
    {
        Assert.True(WebhookBodyReader.TryGetFormat(contentType, out var format));
        Assert.Equal(expected, format);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("text/plain")]
    [InlineData("multipart/form-data; boundary=x")]
    public void Refuses_other_content_types(string? contentType) =>
        Assert.False(WebhookBodyReader.TryGetFormat(contentType, out _));
}
