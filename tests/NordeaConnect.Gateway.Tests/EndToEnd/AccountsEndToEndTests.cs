using Google.Protobuf.WellKnownTypes;
using NordeaConnect.Contracts;
using NordeaConnect.Gateway.Changes;
using NordeaConnect.Gateway.Tests.Notifications.Infrastructure;
using NordeaConnect.Grains.V1;
using Grpc.Core;

namespace NordeaConnect.Gateway.Tests.EndToEnd;

/// <summary>Plans, customers, stored cards and subscriptions: a plan is sold through the checkout, which stores the card.</summary>
[Collection(GatewayCollection.Name)]
public sealed class AccountsEndToEndTests(GatewayFixture gateway)
{
    [Fact]
    public async Task A_customer_is_created_once_per_ref_read_updated_and_listed()
    {
        var customerRef = Orders.NewRef("c");
        var metadata = new Struct();
        metadata.Fields["tier"] = Value.ForString("gold");

        var created = await gateway.Customers.CreateAsync(new CreateCustomerRequest { Ref = customerRef, Metadata = metadata }, GatewayFixture.As());
        var again = await gateway.Customers.CreateAsync(new CreateCustomerRequest { Ref = customerRef, Metadata = metadata }, GatewayFixture.As());
        var update = new Struct();
        update.Fields["since"] = Value.ForNumber(2018);
        var updated = await gateway.Customers.UpdateAsync(new UpdateCustomerRequest { Id = created.Customer.Id, Metadata = update }, GatewayFixture.As());
        var fetched = await gateway.Customers.GetAsync(new GetCustomerRequest { Id = created.Customer.Id, Read = new ReadOptions { MaxStalenessMs = 0 } }, GatewayFixture.As(GatewayFixture.ReadOnly));
        var options = new ListOptions();
        options.Filters.Add("ref", customerRef);
        var listed = await gateway.Customers.ListAsync(new ListCustomersRequest { Options = options }, GatewayFixture.As(GatewayFixture.ReadOnly));

        Assert.Equal(created.Customer.Id, again.Customer.Id);
        Assert.Equal(customerRef, created.Customer.Ref);
        Assert.Equal("gold", updated.Customer.Metadata.Fields["tier"].StringValue);
        Assert.Equal(2018, updated.Customer.Metadata.Fields["since"].NumberValue);
        Assert.Equal("gold", fetched.Customer.Metadata.Fields["tier"].StringValue);
        Assert.Equal(created.Customer.Id, Assert.Single(listed.Customers).Id);
    }

    [Fact]
    public async Task A_plan_sold_in_the_checkout_gives_a_stored_card_and_a_subscription_to_manage()
    {
        var plan = await gateway.Plans.CreateAsync(Plan(Orders.NewRef("p")), GatewayFixture.As());
        Assert.Equal("99.00", plan.Plan.Prices["sek"]);
        var planId = plan.Plan.Id;
        Assert.Equal(planId, (await gateway.Plans.GetAsync(new GetPlanRequest { Id = planId }, GatewayFixture.As(GatewayFixture.ReadOnly))).Plan.Id);
        Assert.Contains((await gateway.Plans.ListAsync(new ListPlansRequest { Options = new ListOptions { Limit = 1000 } }, GatewayFixture.As())).Plans, p => p.Id == planId);

        var customerRef = Orders.NewRef("c");
        var link = new CreateTransactionRequest { PaymentRef = Orders.NewRef("l"), Amount = "99.00", Currency = "sek", Test = true, Process = false, CustomerRef = customerRef };
        var pending = await gateway.Transactions.CreateAsync(link, GatewayFixture.As());
        Assert.NotEmpty(pending.Transaction.Href);
        var checkout = await Orders.PayInCheckoutAsync(pending.Transaction.Href, customerRef, planId);
        var cardId = checkout.GetProperty("stored_card").GetProperty("id").GetInt64();
        var subscriptionId = checkout.GetProperty("subscription").GetProperty("id").GetInt64();

        // Stored cards.
        var card = await gateway.StoredCards.GetAsync(new GetStoredCardRequest { Id = cardId }, GatewayFixture.As(GatewayFixture.ReadOnly));
        Assert.Equal("active", card.StoredCard.Status);
        Assert.Empty(card.StoredCard.Token);
        var customerId = card.StoredCard.CustomerId;
        var cards = await gateway.StoredCards.ListAsync(new ListStoredCardsRequest { CustomerId = customerId }, GatewayFixture.As(GatewayFixture.ReadOnly));
        Assert.Contains(cards.StoredCards, c => c.Id == cardId);
        await using var receiver = await NotificationReceiver.StartAsync();
        var charged = await gateway.StoredCards.ChargeAsync(
            new ChargeStoredCardRequest { Id = cardId, PaymentRef = Orders.NewRef("s"), Amount = "15.00", Currency = "sek", Test = true, NotificationUrl = receiver.Url.ToString() },
            GatewayFixture.As());
        Assert.Equal("15.00", charged.Transaction.Amount);
        // The charge's notification_url hears of the new transaction (its first change) without a further call.
        var chargedEntity = EntityKey.ForTransaction(charged.Transaction.Id).ToString();
        await receiver.WaitForAsync(got => got.Any(n => n.Entity == chargedEntity && n.Version == charged.Transaction.Change.Version));

        // Customers' children.
        var children = new ListCustomerChildrenRequest { Id = customerId };
        Assert.Contains((await gateway.Customers.ListTransactionsAsync(children, GatewayFixture.As())).Transactions, t => t.Id == charged.Transaction.Id);
        Assert.Contains((await gateway.Customers.ListStoredCardsAsync(children, GatewayFixture.As())).StoredCards, c => c.Id == cardId);
        Assert.Contains((await gateway.Customers.ListSubscriptionsAsync(children, GatewayFixture.As())).Subscriptions, s => s.Id == subscriptionId);

        // Subscriptions.
        var subscription = await gateway.Subscriptions.GetAsync(new GetSubscriptionRequest { Id = subscriptionId }, GatewayFixture.As(GatewayFixture.ReadOnly));
        Assert.Equal(planId, subscription.Subscription.PlanId);
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var watch = gateway.Subscriptions.Watch(new WatchSubscriptionRequest { Id = subscriptionId }, GatewayFixture.As(GatewayFixture.ReadOnly), cancellationToken: cancel.Token);
        Assert.True(await watch.ResponseStream.MoveNext(cancel.Token));
        var debt = await gateway.Subscriptions.AddDebtAsync(new AddDebtRequest { Id = subscriptionId, Delta = "12.50" }, GatewayFixture.As(idempotencyKey: Guid.NewGuid().ToString()));
        Assert.Equal("12.50", debt.Subscription.Debt);
        Assert.True(await watch.ResponseStream.MoveNext(cancel.Token));
        Assert.Equal("12.50", watch.ResponseStream.Current.Subscription.Debt);
        var discounted = await gateway.Subscriptions.AddDebtAsync(new AddDebtRequest { Id = subscriptionId, Delta = "-2.50" }, GatewayFixture.As());
        Assert.Equal("10.00", discounted.Subscription.Debt);
        var quantity = await gateway.Subscriptions.UpdateAsync(new UpdateSubscriptionRequest { Id = subscriptionId, SubscriptionQuantity = 2 }, GatewayFixture.As());
        Assert.Equal(2, quantity.Subscription.SubscriptionQuantity);
        var listed = await gateway.Subscriptions.ListAsync(new ListSubscriptionsRequest { CustomerId = customerId }, GatewayFixture.As(GatewayFixture.ReadOnly));
        Assert.Contains(listed.Subscriptions, s => s.Id == subscriptionId);

        // A card taken out of use is refused before any upstream call; then it is deleted.
        var inactive = await gateway.StoredCards.UpdateStatusAsync(new UpdateStoredCardStatusRequest { Id = cardId, Status = "inactive" }, GatewayFixture.As());
        Assert.Equal("inactive", inactive.StoredCard.Status);
        var refused = await Assert.ThrowsAsync<RpcException>(() => gateway.StoredCards.ChargeAsync(
            new ChargeStoredCardRequest { Id = cardId, PaymentRef = Orders.NewRef("s"), Amount = "1.00", Currency = "sek", Test = true }, GatewayFixture.As()).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, refused.StatusCode);
        Assert.Equal("100.200.006", refused.GetResult()?.Code);
        var deleted = await gateway.StoredCards.DeleteAsync(new DeleteStoredCardRequest { Id = cardId }, GatewayFixture.As());
        Assert.Equal("deleted", deleted.StoredCard.Status);
    }

    [Fact]
    public async Task A_bad_add_debt_delta_is_refused_naming_it()
    {
        var refused = await Assert.ThrowsAsync<RpcException>(() => gateway.Subscriptions.AddDebtAsync(new AddDebtRequest { Id = 1, Delta = "5" }, GatewayFixture.As()).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.Contains("delta '5'", refused.GetResult()?.Description, StringComparison.Ordinal);
    }

    private static CreatePlanRequest Plan(string name)
    {
        var plan = new CreatePlanRequest { Name = name, Description = "Monthly box", IntervalUnit = "months", Interval = 1, Periods = 12 };
        plan.Prices.Add("sek", "99.00");
        return plan;
    }
}
