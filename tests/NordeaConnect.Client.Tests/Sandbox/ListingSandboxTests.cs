using System.Globalization;
using System.Text.Json.Nodes;
using NordeaConnect.Primitives;

namespace NordeaConnect.Client.Tests.Sandbox;

/// <summary>Filters, ordering and paging against the sandbox's implementation of the reference's list syntax.</summary>
public sealed class ListingSandboxTests : SandboxTest
{
    private const int Payments = 43;

    private readonly List<Transaction> _payments = [];

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        for (var index = 1; index <= Payments; index++)
        {
            var metadata = index % 3 == 0 ? new JsonObject { ["customer"] = new JsonObject { ["name"] = index % 2 == 0 ? "anna" : "bo" } } : null;
            var amount = (index * 10).ToString("0.00", CultureInfo.InvariantCulture);
            _payments.Add(await PayAsync(amount, metadata: metadata, currency: index % 4 == 0 ? "eur" : "sek"));
        }
    }

    [Fact]
    public async Task Paging_walks_every_transaction_across_many_pages()
    {
        var all = await AllAsync(Client.Transactions.ListAllAsync(new TransactionListOptions { Limit = 4, OrderBy = SortOrder.Ascending("id") }));
        var first = await Client.Transactions.ListAsync(new TransactionListOptions { Limit = 4, Offset = 8, OrderBy = SortOrder.Ascending("id") });

        Assert.Equal(_payments.Select(payment => payment.Id), all.Select(transaction => transaction.Id));
        Assert.Equal(Payments, first.Total);
        Assert.Equal(8, first.Offset);
        Assert.Equal(_payments.Skip(8).Take(4).Select(payment => payment.Id), first.Items.Select(transaction => transaction.Id));
        Assert.True(first.HasMore);
    }

    [Fact]
    public async Task The_last_page_is_short_and_says_there_is_no_more()
    {
        var last = await Client.Transactions.ListAsync(new TransactionListOptions { Limit = 10, Offset = 40 });

        Assert.Equal(3, last.Items.Count);
        Assert.False(last.HasMore);
    }

    [Fact]
    public async Task Ordering_descending_by_amount()
    {
        var page = await Client.Transactions.ListAsync(new TransactionListOptions { Limit = 5, OrderBy = SortOrder.DescendingBy("amount") });

        Assert.Equal(["430.00", "420.00", "410.00", "400.00", "390.00"], page.Items.Select(transaction => transaction.Amount!.Value.ToString()));
    }

    [Fact]
    public async Task Amount_ranges_closed_and_open()
    {
        var closed = await AllAsync(Client.Transactions.ListAllAsync(new TransactionListOptions().Where(ListFilter.Between("amount", 100L, 150L))));
        var upTo = await AllAsync(Client.Transactions.ListAllAsync(new TransactionListOptions().Where(ListFilter.AtMost("amount", 30L))));
        var from = await AllAsync(Client.Transactions.ListAllAsync(new TransactionListOptions().Where(ListFilter.AtLeast("amount", 400.00m))));

        Assert.Equal(["100.00", "110.00", "120.00", "130.00", "140.00", "150.00"], closed.Select(t => t.Amount!.Value.ToString()).Order());
        Assert.Equal(3, upTo.Count);
        Assert.Equal(4, from.Count);
    }

    [Fact]
    public async Task Equal_wildcard_and_boolean_filters()
    {
        var euros = await AllAsync(Client.Transactions.ListAllAsync(new TransactionListOptions().Where(ListFilter.Equal("currency", "eur"))));
        var refs = await AllAsync(Client.Transactions.ListAllAsync(new TransactionListOptions().Where(ListFilter.Wildcard("payment_ref", "ord-1*"))));
        var test = await Client.Transactions.ListAsync(new TransactionListOptions { Limit = 1 }.Where(ListFilter.Equal("test", true)));
        var live = await Client.Transactions.ListAsync(new TransactionListOptions().Where(ListFilter.Equal("test", false)));

        Assert.Equal(Payments / 4, euros.Count);
        Assert.All(euros, transaction => Assert.Equal(CurrencyCode.Eur, transaction.Currency));
        Assert.Equal(_payments.Where(p => p.PaymentRef!.StartsWith("ord-1", StringComparison.Ordinal)).Select(p => p.Id).Order(), refs.Select(t => t.Id).Order());
        Assert.Equal(Payments, test.Total);
        Assert.Empty(live.Items);
    }

    [Fact]
    public async Task Metadata_paths_and_created_at_dates()
    {
        var anna = await AllAsync(Client.Transactions.ListAllAsync(new TransactionListOptions().Where(ListFilter.Equal(ListFilter.Metadata("customer", "name"), "anna"))));
        var anyCustomer = await AllAsync(Client.Transactions.ListAllAsync(new TransactionListOptions().Where(ListFilter.Exists(ListFilter.Metadata("customer")))));
        var today = DateOnly.FromDateTime(Sandbox.Clock.GetUtcNow().UtcDateTime);
        var createdToday = await Client.Transactions.ListAsync(new TransactionListOptions { Limit = 1 }.Where(ListFilter.Between("created_at", today.AddDays(-1), today.AddDays(1))));
        var createdLastYear = await Client.Transactions.ListAsync(new TransactionListOptions().Where(ListFilter.AtMost("created_at", today.AddYears(-1))));

        Assert.Equal(Enumerable.Range(1, Payments).Count(i => i % 3 == 0 && i % 2 == 0), anna.Count);
        Assert.Equal(Payments / 3, anyCustomer.Count);
        Assert.Equal(Payments, createdToday.Total);
        Assert.Empty(createdLastYear.Items);
    }

    [Fact]
    public async Task A_filter_the_sandbox_rejects_surfaces_as_a_typed_validation_error()
    {
        var error = await Assert.ThrowsAsync<NordeaConnectException>(() => Client.Transactions.ListAsync(new TransactionListOptions { OrderBy = SortOrder.Ascending("no_such_field") }));

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, error.StatusCode);
        Assert.NotNull(error.UpstreamError?.Name);
    }
}
