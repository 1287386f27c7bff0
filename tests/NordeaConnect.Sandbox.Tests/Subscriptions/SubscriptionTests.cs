using System.Net;
using System.Text.Json.Nodes;
using NordeaConnect.Sandbox.Tests.Infrastructure;

namespace NordeaConnect.Sandbox.Tests.Subscriptions;

/// <summary>Subscriptions started in the payment window, charged by the billing engine as the test clock moves, and updated.</summary>
public sealed class SubscriptionTests(SandboxFixture fixture) : IClassFixture<SandboxFixture>
{
    private static readonly string[] SubscriptionObjectFields =
    [
        "id", "created_at", "debt", "interval_unit", "periods_left", "total_periods", "interval", "price", "status", "next_at",
        "customer", "plan", "stored_card", "subscription_quantity", "items", "retry_count",
    ];

    private SandboxApi Api => fixture.Api;

    private async Task<JsonObject> SubscribeAsync(string customerRef, JsonObject plan)
    {
        var pending = await Api.PrepareAsync(customerRef: customerRef);
        var paid = await Api.PayAsync(pending["href"]!.GetValue<string>(), planId: plan["id"]!.GetValue<long>());
        paid.ShouldBe(HttpStatusCode.OK);
        return paid.Object["subscription"]!.AsObject();
    }

    private async Task<JsonArray> ChargesAsync(JsonObject subscription)
    {
        var answer = await Api.GetAsync($"v1/subscriptions/{subscription["id"]}/transactions?limit=100&filter[transaction_type]=recurring");
        answer.ShouldBe(HttpStatusCode.OK);
        return answer.Array;
    }

    [Fact]
    public async Task A_checkout_with_a_plan_starts_a_subscription_with_the_reference_fields()
    {
        var plan = await Api.CreatePlanAsync(trialLength: 14, periods: 12);

        var subscription = await SubscribeAsync("sub-shape", plan);
        var shown = await Api.GetAsync($"v1/subscriptions/{subscription["id"]}?extend=customer,plan");

        shown.ShouldBe(HttpStatusCode.OK);
        foreach (var field in SubscriptionObjectFields)
        {
            Assert.True(shown.Object.ContainsKey(field), $"missing {field}");
        }

        Assert.Equal("active", shown.Object["status"]!.GetValue<string>());
        Assert.Equal("100.0", shown.Object["price"]!.GetValue<string>());
        Assert.Equal(12, shown.Object["periods_left"]!.GetValue<int>());
        Assert.Equal("sub-shape", shown.Object["customer"]!["ref"]!.GetValue<string>());
        Assert.Equal("Gold", shown.Object["plan"]!["name"]!.GetValue<string>());
        Assert.Empty(await ChargesAsync(subscription));
    }

    [Fact]
    public async Task The_engine_charges_on_schedule_with_setup_fee_quantity_and_debt()
    {
        var plan = await Api.CreatePlanAsync(price: "100.00", setupFee: "50.00");
        var subscription = await SubscribeAsync("sub-charge", plan);

        await Api.AdvanceAsync(TimeSpan.FromSeconds(1));
        var first = await ChargesAsync(subscription);

        var updated = await Api.PutFormAsync($"v1/subscriptions/{subscription["id"]}", [new("debt", "-20.00"), new("subscription_quantity", "2")]);
        await Api.AdvanceAsync(TimeSpan.FromDays(32));
        var second = await ChargesAsync(subscription);
        var shown = await Api.GetAsync($"v1/subscriptions/{subscription["id"]}");

        Assert.Equal("150.0", Assert.Single(first)!["amount"]!.GetValue<string>());
        Assert.Equal("recurring", first[0]!["transaction_type"]!.GetValue<string>());
        Assert.Equal("approved", first[0]!["status"]!.GetValue<string>());
        updated.ShouldBe(HttpStatusCode.OK);
        Assert.Equal("-20.0", updated.Object["debt"]!.GetValue<string>());
        Assert.Equal(2, second.Count);
        Assert.Equal("180.0", second[1]!["amount"]!.GetValue<string>());
        Assert.Equal("0.0", shown.Object["debt"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_cancelled_subscription_is_not_charged()
    {
        var plan = await Api.CreatePlanAsync(trialLength: 3);
        var subscription = await SubscribeAsync("sub-cancel", plan);

        var cancelled = await Api.PutFormAsync($"v1/subscriptions/{subscription["id"]}", [new("status", "cancelled")]);
        await Api.AdvanceAsync(TimeSpan.FromDays(40));

        Assert.Equal("cancelled", cancelled.Object["status"]!.GetValue<string>());
        Assert.Null(cancelled.Object["next_at"]);
        Assert.Empty(await ChargesAsync(subscription));
    }

    [Fact]
    public async Task A_failing_charge_counts_a_retry_and_fires_no_success()
    {
        var plan = await Api.CreatePlanAsync(trialLength: 2);
        var subscription = await SubscribeAsync("sub-fail", plan);
        await Api.PutJsonAsync($"v1/subscriptions/{subscription["id"]}", """{"metadata": {"nordeaconnect_instructions": {"fail_as_message": "do not honour"}}}""");

        await Api.AdvanceAsync(TimeSpan.FromDays(2) + TimeSpan.FromMinutes(1));
        var shown = await Api.GetAsync($"v1/subscriptions/{subscription["id"]}");
        var charges = await ChargesAsync(subscription);

        Assert.Equal(1, shown.Object["retry_count"]!.GetValue<int>());
        var failed = Assert.Single(charges)!;
        Assert.Equal("failed", failed["status"]!.GetValue<string>());
        Assert.Equal("do not honour", failed["error"]!["description"]!.GetValue<string>());
    }

    [Fact]
    public async Task Moving_to_another_plan_changes_the_price()
    {
        var plan = await Api.CreatePlanAsync(trialLength: 5);
        var cheaper = await Api.CreatePlanAsync(price: "60.00");
        var subscription = await SubscribeAsync("sub-move", plan);

        var moved = await Api.PutFormAsync($"v1/subscriptions/{subscription["id"]}", [new("plan_id", cheaper["id"]!.ToString())]);

        moved.ShouldBe(HttpStatusCode.OK);
        Assert.Equal("60.0", moved.Object["price"]!.GetValue<string>());
        Assert.Equal(cheaper["id"]!.GetValue<long>(), moved.Object["plan"]!["id"]!.GetValue<long>());
    }

    [Fact]
    public async Task Metadata_items_and_stored_card_updates()
    {
        var plan = await Api.CreatePlanAsync(trialLength: 5);
        var subscription = await SubscribeAsync("sub-update", plan);
        var otherCustomersCard = await Api.StoreCardAsync("sub-update-other");
        var ownNewCard = await Api.StoreCardAsync("sub-update");

        var items = await Api.PutJsonAsync($"v1/subscriptions/{subscription["id"]}",
            """{"metadata": {"seats": "5"}, "items": [{"artno": "001", "amount": 1, "description": "user license2", "qty": 1, "vat": 25, "discount": 0}]}""");
        var foreignCard = await Api.PutFormAsync($"v1/subscriptions/{subscription["id"]}", [new("stored_card_id", otherCustomersCard["id"]!.ToString())]);
        var ownCard = await Api.PutFormAsync($"v1/subscriptions/{subscription["id"]}", [new("stored_card_id", ownNewCard["id"]!.ToString())]);
        var badItems = await Api.PutJsonAsync($"v1/subscriptions/{subscription["id"]}", """{"items": [{"artno": "001"}]}""");
        var badStatus = await Api.PutFormAsync($"v1/subscriptions/{subscription["id"]}", [new("status", "paused")]);

        Assert.Equal("5", items.Object["metadata"]!["seats"]!.GetValue<string>());
        Assert.Equal("001", items.Object["items"]![0]!["artno"]!.GetValue<string>());
        foreignCard.ShouldBeError(HttpStatusCode.BadRequest, "errors.parameter.invalid");
        Assert.Equal(ownNewCard["id"]!.GetValue<long>(), ownCard.Object["stored_card"]!["id"]!.GetValue<long>());
        badItems.ShouldBeError(HttpStatusCode.BadRequest, "errors.items.description_missing");
        badStatus.ShouldBeError(HttpStatusCode.BadRequest, "errors.parameter.invalid");
    }

    [Fact]
    public async Task Subscriptions_list_per_customer_and_by_filter()
    {
        var plan = await Api.CreatePlanAsync(trialLength: 5);
        var subscription = await SubscribeAsync("sub-list", plan);
        var customerId = subscription["customer"]!["id"]!.GetValue<long>();

        var forCustomer = await Api.GetAsync($"v1/customers/{customerId}/subscriptions");
        var byPlan = await Api.GetAsync($"v1/subscriptions?filter[plan_id]={plan["id"]}");

        Assert.Equal(subscription["id"]!.GetValue<long>(), Assert.Single(forCustomer.Array)!["id"]!.GetValue<long>());
        Assert.Single(byPlan.Array);
    }

    [Fact]
    public async Task Subscription_items_add_to_each_charge()
    {
        var plan = await Api.CreatePlanAsync(price: "100.00", trialLength: 1);
        var subscription = await SubscribeAsync("sub-items", plan);
        await Api.PutJsonAsync($"v1/subscriptions/{subscription["id"]}",
            """{"items": [{"artno": "001", "amount": "25.50", "description": "extra seat", "qty": 1, "vat": 25}]}""");

        await Api.AdvanceAsync(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));
        var charge = Assert.Single(await ChargesAsync(subscription))!;

        Assert.Equal("125.5", charge["amount"]!.GetValue<string>());
        Assert.Equal("extra seat", charge["items"]![0]!["description"]!.GetValue<string>());
    }
}
