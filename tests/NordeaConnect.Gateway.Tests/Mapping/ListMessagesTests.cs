using NordeaConnect.Client;
using NordeaConnect.Gateway.Mapping;
using NordeaConnect.Gateway.Results;
using NordeaConnect.Primitives;
using V1 = NordeaConnect.Grains.V1;

namespace NordeaConnect.Gateway.Tests.Mapping;

public sealed class ListMessagesTests
{
    [Fact]
    public void Paging_ordering_filters_and_extends_reach_the_query_builder()
    {
        var message = new V1.ListOptions { Limit = 20, Offset = 40, StartId = 1051, OrderBy = "amount:desc" };
        message.Filters.Add("status", "approved");
        message.Filters.Add("card_number", "411*");
        message.Filters.Add("amount", "100..1000");
        message.Filters.Add("created_at", "20180101..20180131");
        message.Filters.Add("updated_at", "20180930T084821..");
        message.Extend.Add("customer");

        var options = ListMessages.FromMessage(message);

        Assert.Equal(20, options.Limit);
        Assert.Equal(40, options.Offset);
        Assert.Equal(1051, options.StartId);
        Assert.Equal("amount:desc", options.OrderBy?.ToString());
        var filters = options.Filters.ToDictionary(f => f.Field, f => f.Expression);
        Assert.Equal("approved", filters["status"]);
        Assert.Equal("411*", filters["card_number"]);
        Assert.Equal("100..1000", filters["amount"]);
        Assert.Equal("20180101..20180131", filters["created_at"]);
        Assert.Equal("20180930T084821..", filters["updated_at"]);
        Assert.Equal(["customer"], options.Extend);
    }

    [Fact]
    public void Zero_values_mean_the_upstream_defaults()
    {
        var options = ListMessages.FromMessage(new V1.ListOptions());
        Assert.Null(options.Limit);
        Assert.Null(options.Offset);
        Assert.Null(options.StartId);
        Assert.Null(options.OrderBy);
        Assert.Empty(ListMessages.FromMessage(null).Filters);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(100_001)]
    public void Limit_out_of_range_is_refused_stating_the_cap(int limit)
    {
        var refusal = Assert.Throws<GatewayRefusalException>(() => ListMessages.FromMessage(new V1.ListOptions { Limit = limit }));
        Assert.Equal(ResultCode.InvalidArgument, refusal.Code);
        Assert.Equal("100.100.001", refusal.Code.Value);
        Assert.Contains("options.limit", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("give 1 to 100000", refusal.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1001)]
    [InlineData(99_999)]
    [InlineData(ListMessages.MaxLimit)]
    public void Pages_up_to_the_upstream_cap_are_asked_as_given(int limit) =>
        Assert.Equal(limit, ListMessages.FromMessage(new V1.ListOptions { Limit = limit }).Limit);

    [Fact]
    public void A_page_that_would_not_fit_one_answer_is_refused_naming_the_limit_that_fits()
    {
        // Each customer's metadata is ~100 KiB, so the 4 MiB answer holds some tens of them, not 100.
        var metadata = System.Text.Json.JsonDocument.Parse("{\"blob\":\"" + new string('x', 100 * 1024) + "\"}").RootElement;
        var customers = Enumerable.Range(1, 100).Select(id => new NordeaConnect.Grains.CustomerSnapshot { Id = id, Metadata = metadata });
        var target = new Google.Protobuf.Collections.RepeatedField<V1.Customer>();

        var refusal = Assert.Throws<GatewayRefusalException>(() => ListAnswers.AddWithinLimit(target, customers, c => c.ToMessage()));

        Assert.Equal("100.100.001", refusal.Code.Value);
        Assert.Matches(@"after (\d+) items: ask with options.limit \1", refusal.Message);
        Assert.Empty(target);
    }

    [Theory]
    [InlineData("amount; drop")]
    [InlineData(":desc")]
    public void Malformed_order_by_is_refused(string orderBy) =>
        Assert.Throws<GatewayRefusalException>(() => ListMessages.FromMessage(new V1.ListOptions { OrderBy = orderBy }));

    [Theory]
    [InlineData("amount", "..")]
    [InlineData("amount", "ten..twenty")]
    [InlineData("status", "")]
    [InlineData("bad field!", "x")]
    public void Malformed_filters_are_refused_naming_the_field(string field, string expression)
    {
        var message = new V1.ListOptions();
        message.Filters.Add(field, expression);
        var refusal = Assert.Throws<GatewayRefusalException>(() => ListMessages.FromMessage(message));
        Assert.Equal(ResultCode.InvalidArgument, refusal.Code);
        Assert.Contains("options", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Page_info_comes_from_the_content_range()
    {
        var page = new Page<int>([1, 2, 3, 4, 5], offset: 15, limit: 5, total: 173);
        var info = page.ToMessage();
        Assert.Equal(15, info.Offset);
        Assert.Equal(5, info.Limit);
        Assert.Equal(173, info.Total);
    }
}
