using System.Text.Json;
using NordeaConnect.Gateway.Mapping;
using NordeaConnect.Gateway.Results;
using NordeaConnect.Grains;
using NordeaConnect.Primitives;
using Upstream = NordeaConnect.Client;

namespace NordeaConnect.Gateway.Tests.Mapping;

/// <summary>Plans, subscriptions, customers, webhook templates and webhooks: every field the REST object has reaches its message.</summary>
public sealed class AccountMessagesTests
{
    private static readonly DateTimeOffset Created = new(2018, 4, 25, 10, 36, 33, TimeSpan.Zero);
    private static readonly DateTimeOffset Updated = new(2018, 5, 1, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_listed_plan_keeps_merchant_id_updated_at_and_ref_through_its_record()
    {
        var plan = new Upstream.Plan
        {
            Id = 3, Name = "Gold", Description = "Monthly", IntervalUnit = "months", Interval = 1, Periods = 12, TrialLength = 14, Status = "active",
            Prices = new Dictionary<CurrencyCode, Amount> { [CurrencyCode.Sek] = Amount.Parse("99.00") },
            SetupFees = new Dictionary<CurrencyCode, Amount> { [CurrencyCode.Eur] = Amount.Parse("5.00") },
            CreatedAt = Created, UpdatedAt = Updated, MerchantId = "1001", Ref = "gold-1",
        };

        var message = UpstreamSnapshots.From(plan).ToMessage();

        Assert.Equal(("Gold", "Monthly", "months", 1, 12, 14, "active"), (message.Name, message.Description, message.IntervalUnit, message.Interval, message.Periods, message.TrialLength, message.Status));
        Assert.Equal("99.00", message.Prices["sek"]);
        Assert.Equal("5.00", message.SetupFees["eur"]);
        Assert.Equal(Created, message.CreatedAt.ToDateTimeOffset());
        Assert.Equal(Updated, message.UpdatedAt.ToDateTimeOffset());
        Assert.Equal("1001", message.MerchantId);
        Assert.Equal("gold-1", message.Ref);
    }

    [Fact]
    public void A_listed_subscription_keeps_test_updated_at_and_the_children_the_list_extended()
    {
        using var metadata = JsonDocument.Parse("""{"seat":"a"}""");
        var subscription = new Upstream.Subscription
        {
            Id = 5, Status = "active", Debt = 1.5m, Price = Amount.Parse("99.00"), Currency = CurrencyCode.Sek, Test = true,
            CreatedAt = Created, UpdatedAt = Updated, Metadata = metadata.RootElement,
            Customer = new Upstream.Customer { Id = 42, Ref = "c-42", CreatedAt = Created },
            Plan = new Upstream.Plan { Id = 3, Name = "Gold" },
            StoredCard = new Upstream.StoredCard { Id = 8, Token = "tok", CardNumber = "5555****4444", Status = "active" },
        };

        var plain = UpstreamSnapshots.From(subscription).ToMessage(SubscriptionExtension.Of(subscription, []));
        var extended = UpstreamSnapshots.From(subscription).ToMessage(SubscriptionExtension.Of(subscription, ["customer", "plan.name", "stored_card"]));

        Assert.True(plain.Test);
        Assert.Equal(Updated, plain.UpdatedAt.ToDateTimeOffset());
        Assert.Equal((42L, 3L, 8L), (plain.CustomerId, plain.PlanId, plain.StoredCardId));
        Assert.Null(plain.Customer);
        Assert.Null(plain.Plan);
        Assert.Null(plain.StoredCard);
        Assert.Equal("c-42", extended.Customer.Ref);
        Assert.Equal(Created, extended.Customer.CreatedAt.ToDateTimeOffset());
        Assert.Equal("Gold", extended.Plan.Name);
        Assert.Equal("5555****4444", extended.StoredCard.CardNumber);
        Assert.Empty(extended.StoredCard.Token);
    }

    [Fact]
    public void Extend_names_a_child_whole_or_by_attribute_but_not_by_prefix()
    {
        Assert.True(SubscriptionExtension.Asked(["customer"], "customer"));
        Assert.True(SubscriptionExtension.Asked(["customer.ref"], "customer"));
        Assert.False(SubscriptionExtension.Asked(["customers"], "customer"));
        Assert.False(SubscriptionExtension.Asked(["plan"], "customer"));
    }

    [Fact]
    public void A_customer_keeps_updated_at()
    {
        var message = UpstreamSnapshots.From(new Upstream.Customer { Id = 42, Ref = "c-42", CreatedAt = Created, UpdatedAt = Updated }).ToMessage();

        Assert.Equal(Updated, message.UpdatedAt.ToDateTimeOffset());
        Assert.Equal(Created, message.CreatedAt.ToDateTimeOffset());
    }

    [Fact]
    public void A_webhook_keeps_its_retry_count_and_each_part_of_the_response_apart()
    {
        var webhook = new Upstream.Webhook
        {
            Id = 1, Trigger = "payment_success", RetryCount = 3, CreatedAt = Created, UpdatedAt = Updated,
            Response = new Upstream.WebhookResponse { Code = "400", Body = "no", Message = "Bad Request", Error = "Net::HTTPBadRequest" },
        }.ToMessage();
        var unanswered = new Upstream.Webhook { Id = 2, Response = new Upstream.WebhookResponse { Error = "Net::OpenTimeout" } }.ToMessage();

        Assert.Equal(3, webhook.RetryCount);
        Assert.Equal((400, "no", "Bad Request", "Net::HTTPBadRequest"), (webhook.ResponseCode, webhook.ResponseBody, webhook.ResponseMessage, webhook.ResponseError));
        Assert.Equal(Updated, webhook.UpdatedAt.ToDateTimeOffset());
        Assert.Equal((0, string.Empty, "Net::OpenTimeout"), (unanswered.ResponseCode, unanswered.ResponseMessage, unanswered.ResponseError));
    }

    [Fact]
    public void A_webhook_template_keeps_merchant_id_and_updated_at()
    {
        var template = new Upstream.WebhookTemplate { Id = 7, Trigger = "payment", Type = "custom_http", MerchantId = "1001", CreatedAt = Created, UpdatedAt = Updated }.ToMessage();

        Assert.Equal("1001", template.MerchantId);
        Assert.Equal(Updated, template.UpdatedAt.ToDateTimeOffset());
    }

    [Theory]
    [InlineData("sv", "sv")]
    [InlineData("en", "en")]
    [InlineData("", null)]
    public void A_locale_becomes_the_clients_per_call_option(string locale, string? sent) =>
        Assert.Equal(sent, CallLocales.ForClient(locale)?.Locale);

    [Fact]
    public void An_unknown_locale_is_refused_before_any_call()
    {
        var refusal = Assert.Throws<GatewayRefusalException>(() => CallLocales.ForClient("de"));

        Assert.Equal("100.100.001", refusal.Code.Value);
        Assert.Contains("locale", refusal.Message, StringComparison.Ordinal);
    }
}
