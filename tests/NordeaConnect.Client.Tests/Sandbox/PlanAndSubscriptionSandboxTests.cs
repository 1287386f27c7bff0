using NordeaConnect.Primitives;

namespace NordeaConnect.Client.Tests.Sandbox;

public sealed class PlanAndSubscriptionSandboxTests : SandboxTest
{
    private Task<Plan> CreatePlanAsync(string name, string unit = IntervalUnits.Months, int trial = 0) =>
        Client.Plans.CreateAsync(new PlanCreateOptions
        {
            Name = name,
            Description = "A plan named " + name,
            IntervalUnit = unit,
            Interval = 1,
            Periods = 12,
            TrialLength = trial,
            Prices = new Dictionary<CurrencyCode, Amount> { [CurrencyCode.Sek] = Amount.Parse("99.00"), [CurrencyCode.Eur] = Amount.Parse("9.00") },
            SetupFees = new Dictionary<CurrencyCode, Amount> { [CurrencyCode.Sek] = Amount.Parse("10.00") },
        });

    [Fact]
    public async Task Plans_are_created_shown_and_listed_with_filters()
    {
        var gold = await CreatePlanAsync("Gold");
        await CreatePlanAsync("Silver", IntervalUnits.Days, trial: 14);
        await CreatePlanAsync("Golden days", IntervalUnits.Days);

        var shown = await Client.Plans.GetAsync(gold.Id);
        var golds = await AllAsync(Client.Plans.ListAllAsync(new ListOptions { Limit = 1 }.Where(ListFilter.Wildcard("name", "Gold*"))));
        var daily = await Client.Plans.ListAsync(new ListOptions { OrderBy = SortOrder.DescendingBy("trial_length") }.Where(ListFilter.Equal("interval_unit", IntervalUnits.Days)));

        Assert.Equal("Gold", shown.Name);
        Assert.Equal(Amount.Parse("99.00"), shown.Prices![CurrencyCode.Sek]);
        Assert.Equal(Amount.Parse("9.00"), shown.Prices[CurrencyCode.Eur]);
        Assert.Equal(Amount.Parse("10.00"), shown.SetupFees![CurrencyCode.Sek]);
        Assert.Equal(12, shown.Periods);
        Assert.Equal(2, golds.Count);
        Assert.Equal(["Silver", "Golden days"], daily.Items.Select(plan => plan.Name));
    }

    [Fact]
    public async Task A_subscription_started_at_checkout_is_shown_extended_listed_and_updated()
    {
        var plan = await CreatePlanAsync("Monthly");
        var (_, subscriptionId) = await CheckoutAsync(await PrepareAsync("99.00"), "cust-sub", plan.Id);

        var subscription = await Client.Subscriptions.GetAsync(subscriptionId!.Value, GetOptions.Extending("customer", "plan"));
        var forCustomer = await Client.Subscriptions.ListAsync(new SubscriptionListOptions { CustomerId = subscription.Customer!.Id });
        var all = await AllAsync(Client.Subscriptions.ListAllAsync());
        var charges = await Client.Transactions.ListAsync(new TransactionListOptions { SubscriptionId = subscription.Id });

        var updated = await Client.Subscriptions.UpdateAsync(subscription.Id, new SubscriptionUpdateOptions { Debt = -5.50m, Quantity = 2 }, new RequestOptions { RetrySafe = true });
        var cancelled = await Client.Subscriptions.UpdateAsync(subscription.Id, new SubscriptionUpdateOptions { Status = SubscriptionStatus.Cancelled });

        Assert.Equal("active", subscription.Status);
        Assert.Equal("Monthly", subscription.Plan!.Name);
        Assert.Equal("cust-sub", subscription.Customer.Ref);
        Assert.Equal(subscription.Id, Assert.Single(forCustomer.Items).Id);
        Assert.Single(all);
        Assert.All(charges.Items, charge => Assert.NotEqual(0, charge.Id));
        Assert.Equal(-5.50m, updated.Debt);
        Assert.Equal(2, updated.Quantity);
        Assert.Equal("cancelled", cancelled.Status);
    }

    [Fact]
    public async Task Updating_a_subscription_that_does_not_exist_is_a_not_found_in_either_language()
    {
        var english = await Assert.ThrowsAsync<NordeaConnectException>(() => Client.Subscriptions.UpdateAsync(424242, new SubscriptionUpdateOptions { Quantity = 1 }));
        var swedish = await Assert.ThrowsAsync<NordeaConnectException>(() => Client.Subscriptions.UpdateAsync(424242, new SubscriptionUpdateOptions { Quantity = 1 }, new RequestOptions { Locale = Locales.Swedish }));

        Assert.Equal(System.Net.HttpStatusCode.NotFound, english.StatusCode);
        Assert.Equal(ResultCode.UpstreamNotFound, swedish.ResultCode);
        Assert.NotEqual(english.UpstreamError!.Description, swedish.UpstreamError!.Description);
    }
}
