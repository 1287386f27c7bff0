using System.Globalization;
using System.Net;
using NordeaConnect.Sandbox.Tests.Infrastructure;

namespace NordeaConnect.Sandbox.Tests.Listing;

/// <summary>Pagination, Content-Range, order_by and every filter form the reference gives.</summary>
public sealed class PaginationFilterOrderTests(ListingFixture fixture) : IClassFixture<ListingFixture>
{
    private static readonly string Today = DateTime.UtcNow.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
    private static readonly string Yesterday = DateTime.UtcNow.AddDays(-1).ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task The_default_limit_is_ten_with_a_content_range()
    {
        var answer = await fixture.Api.GetAsync("v1/transactions");

        answer.ShouldBe(HttpStatusCode.OK);
        Assert.Equal(10, answer.Array.Count);
        Assert.Equal("items 1-10/25", answer.ContentRange);
        Assert.Equal("1.0", answer.Array[0]!["amount"]!.GetValue<string>());
    }

    [Fact]
    public async Task Limit_and_offset_page_through_the_list()
    {
        var answer = await fixture.Api.GetAsync("v1/transactions?limit=5&offset=15");

        Assert.Equal("items 16-20/25", answer.ContentRange);
        Assert.Equal(["16.0", "17.0", "18.0", "19.0", "20.0"], answer.Array.Select(t => t!["amount"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Start_id_starts_the_list_at_an_id()
    {
        var all = await fixture.Api.GetAsync("v1/transactions?limit=100");
        var startId = all.Array[20]!["id"]!.GetValue<long>();

        var answer = await fixture.Api.GetAsync($"v1/transactions?start_id={startId}&limit=15");

        Assert.Equal(5, answer.Array.Count);
        Assert.Equal(startId, answer.Array[0]!["id"]!.GetValue<long>());
        Assert.Equal("items 1-5/5", answer.ContentRange);
    }

    [Fact]
    public async Task An_offset_past_the_end_is_an_empty_page()
    {
        var answer = await fixture.Api.GetAsync("v1/transactions?offset=100");

        Assert.Empty(answer.Array);
        Assert.Equal("items */25", answer.ContentRange);
    }

    [Fact]
    public async Task Order_by_ascending_and_descending()
    {
        var ascending = await fixture.Api.GetAsync("v1/transactions?order_by=amount&limit=3");
        var descending = await fixture.Api.GetAsync("v1/transactions?order_by=amount:desc&limit=3");

        Assert.Equal(["1.0", "2.0", "3.0"], ascending.Array.Select(t => t!["amount"]!.GetValue<string>()));
        Assert.Equal(["25.0", "24.0", "23.0"], descending.Array.Select(t => t!["amount"]!.GetValue<string>()));
    }

    [Theory]
    [InlineData("filter[amount]=..5", 5)]
    [InlineData("filter[amount]=20..", 6)]
    [InlineData("filter[amount]=3..7", 5)]
    [InlineData("filter[amount]=12.00", 1)]
    [InlineData("filter[currency]=eur", 12)]
    [InlineData("filter[status]=approved", 25)]
    [InlineData("filter[card_number]=411*", 25)]
    [InlineData("filter[card_number]=555*", 0)]
    [InlineData("filter[test]=true", 20)]
    [InlineData("filter[test]=false", 5)]
    [InlineData("filter[metadata.customer.name]=anna", 12)]
    [InlineData("filter[metadata.customer]=*", 24)]
    [InlineData("filter[metadata.products.0.name]=shoe7", 1)]
    [InlineData("filter[metadata.products.0.name]=shoe1*", 11)]
    [InlineData("filter[test]=false&filter[amount]=22..&filter[currency]=sek", 2)]
    public async Task Filters_in_every_form(string filter, int expected)
    {
        var answer = await fixture.Api.GetAsync($"v1/transactions?{filter}&limit=100&filter[payment_ref]={fixture.PaymentRefPrefix}*");

        answer.ShouldBe(HttpStatusCode.OK);
        Assert.Equal(expected, answer.Array.Count);
        Assert.EndsWith("/" + expected.ToString(CultureInfo.InvariantCulture), answer.ContentRange, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Date_filters_by_day_range_and_second()
    {
        var today = await fixture.Api.GetAsync($"v1/transactions?filter[created_at]={Today}&limit=100");
        var upToYesterday = await fixture.Api.GetAsync($"v1/transactions?filter[created_at]=..{Yesterday}");
        var range = await fixture.Api.GetAsync($"v1/transactions?filter[created_at]={Yesterday}..{Today}&limit=100");
        var first = today.Array[0]!["created_at"]!.GetValue<string>();
        var second = DateTime.Parse(first, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal).ToString("yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture);
        var exact = await fixture.Api.GetAsync($"v1/transactions?filter[created_at]={second}&limit=100");

        Assert.Equal(25, today.Array.Count);
        Assert.Empty(upToYesterday.Array);
        Assert.Equal(25, range.Array.Count);
        Assert.NotEmpty(exact.Array);
        Assert.All(exact.Array, t => Assert.Equal(first, t!["created_at"]!.GetValue<string>()));
    }

    [Theory]
    [InlineData("filter[colour]=red", "errors.filter.unknown_field")]
    [InlineData("filter[amount]=1..2..3", "errors.filter.malformed")]
    [InlineData("filter[amount]=..", "errors.filter.malformed")]
    [InlineData("filter[amount]=abc..", "errors.filter.malformed")]
    [InlineData("filter[created_at]=2018-01-01", "errors.filter.malformed")]
    [InlineData("filter[created_at]=20181301", "errors.filter.malformed")]
    [InlineData("filter[test]=maybe", "errors.filter.malformed")]
    [InlineData("filter[amount]100..", "errors.filter.malformed")]
    [InlineData("filter[status]=", "errors.filter.malformed")]
    [InlineData("order_by=colour", "errors.order_by.invalid")]
    [InlineData("order_by=amount:sideways", "errors.order_by.invalid")]
    [InlineData("limit=0", "errors.pagination.invalid")]
    [InlineData("limit=abc", "errors.pagination.invalid")]
    [InlineData("offset=-1", "errors.pagination.invalid")]
    [InlineData("limit=99999999999999999999", "errors.pagination.invalid")]
    [InlineData("extend=planet", "errors.extend.invalid")]
    public async Task Unknown_fields_and_malformed_values_get_a_clear_400(string query, string error)
    {
        var answer = await fixture.Api.GetAsync("v1/transactions?" + query);

        answer.ShouldBeError(HttpStatusCode.BadRequest, error);
    }

    [Fact]
    public async Task The_unknown_filter_error_lists_the_supported_fields()
    {
        var answer = await fixture.Api.GetAsync("v1/transactions?filter[colour]=red");

        Assert.Contains("card_holder", answer.Object["description"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
