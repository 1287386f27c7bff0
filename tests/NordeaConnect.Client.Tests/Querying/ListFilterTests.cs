namespace NordeaConnect.Client.Tests.Querying;

public sealed class ListFilterTests
{
    [Fact]
    public void Equal_renders_the_references_syntax()
    {
        Assert.Equal("filter[status]=approved", ListFilter.Equal("status", "approved").ToString());
        Assert.Equal("filter[test]=true", ListFilter.Equal("test", true).ToString());
        Assert.Equal("filter[id]=7510", ListFilter.Equal("id", 7510L).ToString());
        Assert.Equal("filter[amount]=100.5", ListFilter.Equal("amount", 100.50m).ToString());
    }

    [Fact]
    public void Wildcards_and_exists_keep_the_star()
    {
        Assert.Equal("filter[card_number]=411*", ListFilter.Wildcard("card_number", "411*").ToString());
        Assert.Equal("filter[reason]=re*", ListFilter.Wildcard("reason", "re*").ToString());
        Assert.Equal("filter[metadata.customer]=*", ListFilter.Exists(ListFilter.Metadata("customer")).ToString());
    }

    [Fact]
    public void Ranges_are_closed_or_open_on_either_side()
    {
        Assert.Equal("filter[amount]=100..1000", ListFilter.Between("amount", 100L, 1000L).ToString());
        Assert.Equal("filter[amount]=..1000", ListFilter.AtMost("amount", 1000L).ToString());
        Assert.Equal("filter[amount]=100..", ListFilter.AtLeast("amount", 100L).ToString());
        Assert.Equal("filter[amount]=99.5..250", ListFilter.Between("amount", 99.50m, 250.00m).ToString());
    }

    [Fact]
    public void Dates_are_days_and_instants_are_utc_to_the_second()
    {
        Assert.Equal("filter[created_at]=20180101..20180131",
            ListFilter.Between("created_at", new DateOnly(2018, 1, 1), new DateOnly(2018, 1, 31)).ToString());
        Assert.Equal("filter[created_at]=..20180131", ListFilter.AtMost("created_at", new DateOnly(2018, 1, 31)).ToString());
        Assert.Equal("filter[created_at]=20180101..", ListFilter.AtLeast("created_at", new DateOnly(2018, 1, 1)).ToString());
        Assert.Equal("filter[created_at]=20180930T084821",
            ListFilter.Equal("created_at", new DateTimeOffset(2018, 9, 30, 10, 48, 21, TimeSpan.FromHours(2))).ToString());
        Assert.Equal("filter[created_at]=20180930",
            ListFilter.Equal("created_at", new DateOnly(2018, 9, 30)).ToString());
    }

    [Fact]
    public void Metadata_paths_join_keys_and_indexes_with_dots()
    {
        Assert.Equal("filter[metadata.customer.name]=anna", ListFilter.Equal(ListFilter.Metadata("customer", "name"), "anna").ToString());
        Assert.Equal("filter[metadata.products.0.name]=*", ListFilter.Exists(ListFilter.Metadata("products", "0", "name")).ToString());
    }

    [Fact]
    public void Values_the_upstream_would_misread_are_refused_with_the_reason()
    {
        var star = Assert.Throws<ArgumentException>(() => ListFilter.Equal("card_holder", "A*B"));
        Assert.Contains("wildcard", star.Message, StringComparison.Ordinal);
        var dots = Assert.Throws<ArgumentException>(() => ListFilter.Equal("reason", "a..b"));
        Assert.Contains("range", dots.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => ListFilter.Wildcard("card_number", "411"));
        Assert.Throws<ArgumentException>(() => ListFilter.Between("amount", 1000L, 100L));
        Assert.Throws<ArgumentException>(() => ListFilter.Between("amount", (long?)null, null));
        Assert.Throws<ArgumentException>(() => ListFilter.Equal("Status]=x&filter[a", "b"));
        Assert.Throws<ArgumentException>(() => ListFilter.Metadata("a.b"));
    }

    [Fact]
    public void Sort_orders_render_with_desc_suffix()
    {
        Assert.Equal("amount", SortOrder.Ascending("amount").ToString());
        Assert.Equal("amount:desc", SortOrder.DescendingBy("amount").ToString());
    }
}
