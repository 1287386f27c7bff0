using System.Text.Json.Nodes;

namespace NordeaConnect.Client.Tests.Sandbox;

public sealed class CustomerSandboxTests : SandboxTest
{
    [Fact]
    public async Task Customers_are_created_shown_listed_by_ref_and_updated()
    {
        var anna = await Client.Customers.CreateAsync(new CustomerCreateOptions { Ref = "anna-1", Metadata = new JsonObject { ["tier"] = "silver" } });
        var generated = await Client.Customers.CreateAsync();
        for (var index = 0; index < 12; index++)
        {
            await Client.Customers.CreateAsync(new CustomerCreateOptions { Ref = "bulk-" + index.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        }

        var shown = await Client.Customers.GetAsync(anna.Id);
        var byRef = await Client.Customers.ListAsync(new ListOptions().Where(ListFilter.Equal("ref", "anna-1")));
        var bulk = await AllAsync(Client.Customers.ListAllAsync(new ListOptions { Limit = 5 }.Where(ListFilter.Wildcard("ref", "bulk-*"))));
        var newest = await Client.Customers.ListAsync(new ListOptions { Limit = 1, OrderBy = SortOrder.DescendingBy("id") });
        var updated = await Client.Customers.UpdateAsync(anna.Id, new CustomerUpdateOptions { Metadata = new JsonObject { ["tier"] = "gold" } });

        Assert.Equal("anna-1", shown.Ref);
        Assert.Equal("silver", shown.Metadata!.Value.GetProperty("tier").GetString());
        Assert.False(string.IsNullOrEmpty(generated.Ref));
        Assert.Equal(anna.Id, Assert.Single(byRef.Items).Id);
        Assert.Equal(12, bulk.Count);
        Assert.Equal(14, newest.Total);
        Assert.Equal("gold", updated.Metadata!.Value.GetProperty("tier").GetString());
    }

    [Fact]
    public async Task A_customers_transactions_are_listed_under_the_customer()
    {
        var paid = await PayAsync("10.00", customerRef: "payer-1");
        await PayAsync("20.00", customerRef: "payer-2");
        var payer = Assert.Single((await Client.Customers.ListAsync(new ListOptions().Where(ListFilter.Equal("ref", "payer-1")))).Items);

        var transactions = await Client.Transactions.ListAsync(new TransactionListOptions { CustomerId = payer.Id });

        Assert.Equal(paid.Id, Assert.Single(transactions.Items).Id);
    }
}
