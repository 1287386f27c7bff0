using System.Text.Json.Nodes;
using NordeaConnect.Sandbox.Templating;

namespace NordeaConnect.Sandbox.Tests.Templating;

/// <summary>The templates the reference itself shows, rendered against its metadata example.</summary>
public sealed class ReferenceExampleTests
{
    private static readonly JsonNode Model = JsonNode.Parse("""
        {
          "transaction": {
            "amount": "100.00",
            "payment_ref": "order-1234",
            "currency": "sek",
            "metadata": {
              "products": [
                { "id": "1", "name": "Nice Shoe", "price": "100.00", "qty": "1", "url": "http://mysite.com/product/1" },
                { "id": "2", "name": "Sock", "price": "20.00", "qty": "3", "url": "http://mysite.com/product/2" }
              ],
              "user": { "email": "jd@email.com" }
            },
            "refunds": [
              { "amount": "10.00", "reason": "first" },
              { "amount": "25.50", "reason": "Damaged on arrival" }
            ]
          }
        }
        """)!;

    [Fact]
    public void Product_name_and_quantity_come_from_the_first_product()
    {
        var template = LiquidTemplate.Parse("Product name: {{ transaction.metadata['products'].first.name }}\nProduct quantity: {{ transaction.metadata['products'].first.qty }}");
        Assert.Equal("Product name: Nice Shoe\nProduct quantity: 1", template.Render(Model));
    }

    [Fact]
    public void The_product_loop_renders_every_product()
    {
        var template = LiquidTemplate.Parse("""
            {%for item in transaction.metadata['products']%}
            <li>
            Name: {{ item['name'] }},
            Price: {{ item['price'] }} {{transaction.amount | upcase }},
            Quantity {{ item['qty'] }}
            </li>
            {% endfor %}
            """);
        var expected = "\n<li>\nName: Nice Shoe,\nPrice: 100.00 100.00,\nQuantity 1\n</li>\n"
            + "\n<li>\nName: Sock,\nPrice: 20.00 100.00,\nQuantity 3\n</li>\n";
        Assert.Equal(expected, template.Render(Model));
    }

    [Fact]
    public void The_refund_confirmation_shows_the_last_refund()
    {
        var template = LiquidTemplate.Parse("""
            Hi, here is your refund confirmation for order:
            {{ transaction.payment_ref }}
            Amount:
            {{ transaction.refunds.last.amount }}
            Reason:
            {{ transaction.refunds.last.reason }}
            """);
        Assert.Equal(
            "Hi, here is your refund confirmation for order:\norder-1234\nAmount:\n25.50\nReason:\nDamaged on arrival",
            template.Render(Model));
    }

    [Fact]
    public void A_template_renders_the_same_from_many_threads()
    {
        var template = LiquidTemplate.Parse("{% for p in transaction.metadata.products %}{{ forloop.index }}={{ p.name | upcase }};{% endfor %}");
        var results = new string[64];
        Parallel.For(0, results.Length, i => results[i] = template.Render(Model));
        Assert.All(results, result => Assert.Equal("1=NICE SHOE;2=SOCK;", result));
    }
}
