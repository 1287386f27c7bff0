using NordeaConnect.Client.Tests.Stub;

namespace NordeaConnect.Client.Tests.Querying;

/// <summary>What actually arrives at the server for list calls, and how the answer becomes a page.</summary>
public sealed class ListQueryOverHttpTests
{
    [Fact]
    public async Task Paging_ordering_filters_and_extend_arrive_in_the_references_syntax()
    {
        await using var stub = await StubUpstream.StartAsync("[]", contentRange: "items */0");
        using var client = TestClients.For(stub.BaseAddress);

        var options = new TransactionListOptions { Limit = 2, Offset = 20, OrderBy = SortOrder.DescendingBy("amount") }
            .Where(ListFilter.Equal("test", false))
            .Where(ListFilter.AtLeast("amount", 100L))
            .Where(ListFilter.Between("created_at", new DateOnly(2018, 1, 1), new DateOnly(2018, 12, 31)))
            .Where(ListFilter.Wildcard("card_number", "411*"))
            .Where(ListFilter.Exists(ListFilter.Metadata("products", "0", "name")))
            .Extending("customer", "stored_card");
        await client.Transactions.ListAsync(options);

        var request = Assert.Single(stub.Requests);
        Assert.Equal("GET", request.Method);
        Assert.Equal("/v1/transactions", request.Path);
        Assert.Equal(
            "limit=2&offset=20&order_by=amount:desc&filter[test]=false&filter[amount]=100..&filter[created_at]=20180101..20181231&filter[card_number]=411*&filter[metadata.products.0.name]=*&extend=customer,stored_card",
            request.RawQuery);
    }

    [Fact]
    public async Task Values_with_spaces_and_reserved_characters_are_percent_encoded_in_utf8()
    {
        await using var stub = await StubUpstream.StartAsync("[]");
        using var client = TestClients.For(stub.BaseAddress);

        await client.Refunds.ListAsync(new ListOptions { StartId = 1051, Limit = 15 }.Where(ListFilter.Equal("reason", "return order & co/ö")));

        var request = Assert.Single(stub.Requests);
        Assert.Equal("limit=15&start_id=1051&filter[reason]=return%20order%20%26%20co%2F%C3%B6", request.RawQuery);
    }

    [Fact]
    public async Task Scoped_lists_use_the_customer_and_subscription_paths()
    {
        await using var stub = await StubUpstream.StartAsync("[]");
        using var client = TestClients.For(stub.BaseAddress);

        await client.Transactions.ListAsync(new TransactionListOptions { CustomerId = 2923 });
        await client.Transactions.ListAsync(new TransactionListOptions { SubscriptionId = 17 });
        await client.StoredCards.ListAsync(new StoredCardListOptions { CustomerId = 2923 });
        await client.Subscriptions.ListAsync(new SubscriptionListOptions { CustomerId = 2923 });

        Assert.Equal(
            ["/v1/customers/2923/transactions", "/v1/subscriptions/17/transactions", "/v1/customers/2923/stored_cards", "/v1/customers/2923/subscriptions"],
            stub.Requests.Select(request => request.Path));
        Assert.Throws<ArgumentException>(() => client.Transactions.ListAsync(new TransactionListOptions { CustomerId = 1, SubscriptionId = 2 }).GetAwaiter().GetResult());
    }

    [Fact]
    public async Task A_field_the_resource_cannot_be_filtered_on_fails_before_sending_and_names_the_valid_ones()
    {
        await using var stub = await StubUpstream.StartAsync("[]");
        using var client = TestClients.For(stub.BaseAddress);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => client.Refunds.ListAsync(new ListOptions().Where(ListFilter.Equal("card_holder", "x"))));
        Assert.Contains("Refunds cannot be filtered on 'card_holder'", error.Message, StringComparison.Ordinal);
        Assert.Contains("reason", error.Message, StringComparison.Ordinal);
        Assert.Empty(stub.Requests);
    }

    [Fact]
    public async Task Content_range_becomes_the_page_total_and_position()
    {
        await using var stub = await StubUpstream.StartAsync("""[{"id":1,"amount":"1.0"},{"id":2,"amount":2}]""", contentRange: "items 21-22/173");
        using var client = TestClients.For(stub.BaseAddress);

        var page = await client.Transactions.ListAsync(new TransactionListOptions { Limit = 2, Offset = 20 });

        Assert.Equal([1L, 2L], page.Items.Select(item => item.Id));
        Assert.Equal(20, page.Offset);
        Assert.Equal(2, page.Limit);
        Assert.Equal(173, page.Total);
        Assert.True(page.HasMore);
    }

    [Fact]
    public async Task With_start_id_the_position_comes_from_the_one_based_header()
    {
        await using var stub = await StubUpstream.StartAsync("""[{"id":1051},{"id":1052}]""", contentRange: "items 16-17/173");
        using var client = TestClients.For(stub.BaseAddress);

        var page = await client.Webhooks.ListAsync(new ListOptions { StartId = 1051, Limit = 2 });

        Assert.Equal(15, page.Offset);
        Assert.Equal(173, page.Total);
        Assert.Equal("limit=2&start_id=1051", Assert.Single(stub.Requests).RawQuery);
    }

    [Fact]
    public async Task An_unreadable_content_range_leaves_the_total_unknown()
    {
        await using var stub = await StubUpstream.StartAsync("""[{"id":1}]""", contentRange: "pages one of many");
        using var client = TestClients.For(stub.BaseAddress);

        var page = await client.WebhookTemplates.ListAsync(new ListOptions { Limit = 5 });

        Assert.Null(page.Total);
        Assert.False(page.HasMore);
        Assert.Single(page.Items);
    }

    [Fact]
    public async Task List_all_walks_every_page_by_offset_until_the_total()
    {
        const int total = 23;
        await using var stub = await StubUpstream.StartAsync((context, request) =>
        {
            var query = System.Web.HttpUtility.ParseQueryString(request.RawQuery);
            var limit = int.Parse(query["limit"]!, System.Globalization.CultureInfo.InvariantCulture);
            var offset = int.Parse(query["offset"]!, System.Globalization.CultureInfo.InvariantCulture);
            var ids = Enumerable.Range(offset + 1, Math.Max(0, Math.Min(limit, total - offset))).ToArray();
            var json = "[" + string.Join(',', ids.Select(id => $$"""{"id":{{id}}}""")) + "]";
            var range = ids.Length == 0 ? $"items */{total}" : $"items {offset + 1}-{offset + ids.Length}/{total}";
            return StubUpstream.Respond(context, json, contentRange: range);
        });
        using var client = TestClients.For(stub.BaseAddress);

        var ids = new List<long>();
        await foreach (var customer in client.Customers.ListAllAsync(new ListOptions { Limit = 5 }))
        {
            ids.Add(customer.Id);
        }

        Assert.Equal(Enumerable.Range(1, total).Select(id => (long)id), ids);
        Assert.Equal(5, stub.Requests.Count);
        Assert.Equal(["offset=0", "offset=5", "offset=10", "offset=15", "offset=20"],
            stub.Requests.Select(request => request.RawQuery.Split('&').Single(part => part.StartsWith("offset=", StringComparison.Ordinal))));
    }

    [Fact]
    public async Task List_all_without_content_range_stops_at_a_short_page()
    {
        await using var stub = await StubUpstream.StartAsync((context, request) =>
            StubUpstream.Respond(context, request.RawQuery.Contains("offset=0", StringComparison.Ordinal) ? """[{"id":1},{"id":2}]""" : """[{"id":3}]"""));
        using var client = TestClients.For(stub.BaseAddress);

        var ids = new List<long>();
        await foreach (var plan in client.Plans.ListAllAsync(new ListOptions { Limit = 2 }))
        {
            ids.Add(plan.Id);
        }

        Assert.Equal([1L, 2L, 3L], ids);
        Assert.Equal(2, stub.Requests.Count);
    }

    [Fact]
    public async Task Get_with_extend_sends_the_paths_comma_separated()
    {
        await using var stub = await StubUpstream.StartAsync("""{"id":1}""");
        using var client = TestClients.For(stub.BaseAddress);

        await client.Subscriptions.GetAsync(1, GetOptions.Extending("customer.ref", "plan.id"));

        Assert.Equal("extend=customer.ref,plan.id", Assert.Single(stub.Requests).RawQuery);
    }
}
