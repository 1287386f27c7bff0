using System.Text.Json;
using Google.Protobuf.WellKnownTypes;
using Microsoft.Extensions.DependencyInjection;
using NordeaConnect.Contracts;
using NordeaConnect.Gateway.Changes;
using NordeaConnect.Gateway.Notifications.Feed;
using NordeaConnect.Gateway.Tests.EndToEnd;
using NordeaConnect.Gateway.Tests.Notifications.Infrastructure;
using NordeaConnect.Grains.V1;
using Grpc.Core;
using Upstream = NordeaConnect.Client;

namespace NordeaConnect.Gateway.Tests.ApiWalk;

/// <summary>
/// Issue 19's walk, transaction side: the reference's transactions, refunds and stored cards tables through the gRPC
/// API against the sandbox, each answer compared field by field (<see cref="FieldComparison"/>) with what
/// NordeaConnect.Client returns for the same entity from the same sandbox.
/// </summary>
[Collection(GatewayCollection.Name)]
public sealed class TransactionsWalkTests(GatewayFixture gateway)
{
    private Upstream.INordeaConnectClient Rest => gateway.Services.GetRequiredService<Upstream.INordeaConnectClient>();

    [Fact]
    public async Task A_card_payment_answers_create_get_list_watch_and_notification_url_with_every_field_rest_returns()
    {
        await using var receiver = await NotificationReceiver.StartAsync();
        var request = FullPayment("10.00");
        request.CustomerRef = Orders.NewRef("c");
        request.NotificationUrl = receiver.Url.ToString();

        var created = (await gateway.Transactions.CreateAsync(request, GatewayFixture.As())).Transaction;
        var rest = await Rest.Transactions.GetAsync(created.Id);
        var fetched = (await gateway.Transactions.GetAsync(new GetTransactionRequest { Id = created.Id, Read = Fresh() }, GatewayFixture.As(GatewayFixture.ReadOnly))).Transaction;
        var listed = Assert.Single((await gateway.Transactions.ListAsync(new ListTransactionsRequest { Options = ByPaymentRef(request.PaymentRef) }, GatewayFixture.As(GatewayFixture.ReadOnly))).Transactions);
        var restListed = Assert.Single((await Rest.Transactions.ListAsync(RestByPaymentRef(request.PaymentRef))).Items);
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var watch = gateway.Transactions.Watch(new WatchTransactionRequest { Id = created.Id }, GatewayFixture.As(GatewayFixture.ReadOnly), cancellationToken: cancel.Token);
        Assert.True(await watch.ResponseStream.MoveNext(cancel.Token));
        var watched = watch.ResponseStream.Current.Transaction;
        var entity = EntityKey.ForTransaction(created.Id).ToString();
        await receiver.WaitForAsync(got => got.Any(n => n.Entity == entity));
        var notified = EntityMessages.Parse<TransactionResponse>(receiver.Accepted.First(n => n.Entity == entity).Body).Transaction;

        // The reference's own example: total = 2.5 + 10.00 * 0.025 + 10.00 * 0.035 = 3.10, on every path.
        Assert.Equal("3.10", created.Cost.Total);
        Assert.Equal("3.10", watched.Cost.Total);
        Assert.Equal("3.10", notified.Cost.Total);
        Assert.Equal("receipts@shop.example", Assert.Single(created.Webhooks).Email);
        Assert.Equal("gift wrap", Assert.Single(created.Items).Notes);
        FieldComparison.AssertSame(created, rest, TransactionFields());
        FieldComparison.AssertSame(fetched, rest, TransactionFields());
        FieldComparison.AssertSame(watched, rest, TransactionFields());
        FieldComparison.AssertSame(notified, rest, TransactionFields());
        FieldComparison.AssertSame(listed, restListed, TransactionFields());
    }

    [Fact]
    public async Task Update_with_encrypted_and_capture_answer_what_rest_shows()
    {
        var prepared = await gateway.Transactions.CreateAsync(
            new CreateTransactionRequest { PaymentRef = Orders.NewRef("e"), Amount = "5.00", Currency = "sek", Test = true, Process = false, Encrypted = "card_number", Authorize = true },
            GatewayFixture.As());
        var updated = (await gateway.Transactions.UpdateAsync(
            new UpdateTransactionRequest
            {
                Id = prepared.Transaction.Id, CardNumber = "4111111111111111", CardHolder = "Anna Andersson", CardCvv = "123", CardExpiry = "1230", CardType = "VISA",
                Encrypted = "card_number,card_cvv", Locale = "sv",
            },
            GatewayFixture.As(idempotencyKey: Guid.NewGuid().ToString()))).Transaction;
        var captured = (await gateway.Transactions.CaptureAsync(
            new CaptureTransactionRequest { Id = prepared.Transaction.Id, Amount = "5.00", Locale = "sv" },
            GatewayFixture.As(idempotencyKey: Guid.NewGuid().ToString()))).Transaction;
        var rest = await Rest.Transactions.GetAsync(prepared.Transaction.Id);

        Assert.Equal("card_number", prepared.Transaction.Encrypted);
        Assert.Equal("card_number,card_cvv", updated.Encrypted);
        Assert.Equal("authorized", updated.Status);
        Assert.NotNull(captured.Cost);
        FieldComparison.AssertSame(captured, rest, TransactionFields());
    }

    [Fact]
    public async Task Locale_sv_answers_upstreams_texts_in_swedish_and_en_in_english_on_every_side()
    {
        const long Unknown = 987_654_321;
        var payment = (await gateway.Transactions.CreateAsync(Orders.CardPayment("10.00"), GatewayFixture.As())).Transaction;

        var swedish = await Assert.ThrowsAsync<RpcException>(() => gateway.Transactions.GetAsync(new GetTransactionRequest { Id = Unknown, Locale = "sv" }, GatewayFixture.As()).ResponseAsync);
        var english = await Assert.ThrowsAsync<RpcException>(() => gateway.Transactions.GetAsync(new GetTransactionRequest { Id = Unknown + 1, Locale = "en" }, GatewayFixture.As()).ResponseAsync);
        var refund = await Assert.ThrowsAsync<RpcException>(() => gateway.Refunds.GetAsync(new GetRefundRequest { Id = Unknown, Locale = "sv" }, GatewayFixture.As()).ResponseAsync);
        var card = await Assert.ThrowsAsync<RpcException>(() => gateway.StoredCards.GetAsync(new GetStoredCardRequest { Id = Unknown, Locale = "sv" }, GatewayFixture.As()).ResponseAsync);
        var restSwedish = await Assert.ThrowsAsync<Upstream.NordeaConnectException>(() => Rest.Transactions.GetAsync(Unknown, requestOptions: new Upstream.RequestOptions { Locale = "sv" }));
        var unknownLocale = await Assert.ThrowsAsync<RpcException>(() => gateway.Transactions.GetAsync(new GetTransactionRequest { Id = payment.Id, Locale = "de" }, GatewayFixture.As()).ResponseAsync);

        Assert.Equal("errors.record.not_found", swedish.GetResult()?.UpstreamError?.Name);
        Assert.StartsWith("Det finns ingen", swedish.GetResult()?.UpstreamError?.Description, StringComparison.Ordinal);
        Assert.Equal(restSwedish.UpstreamError!.Description, swedish.GetResult()?.UpstreamError?.Description);
        Assert.StartsWith("No ", english.GetResult()?.UpstreamError?.Description, StringComparison.Ordinal);
        Assert.StartsWith("Det finns ingen", refund.GetResult()?.UpstreamError?.Description, StringComparison.Ordinal);
        Assert.StartsWith("Det finns ingen", card.GetResult()?.UpstreamError?.Description, StringComparison.Ordinal);
        Assert.Equal("100.100.001", unknownLocale.GetResultCode());
    }

    [Fact]
    public async Task Extend_returns_the_nested_customer_on_get_and_keeps_it_on_list()
    {
        var request = Orders.CardPayment("10.00");
        request.CustomerRef = Orders.NewRef("x");
        var payment = (await gateway.Transactions.CreateAsync(request, GatewayFixture.As())).Transaction;
        var extendGet = new GetTransactionRequest { Id = payment.Id, Read = Fresh(), Extend = { "customer" } };
        var listOptions = ByPaymentRef(request.PaymentRef);
        listOptions.Extend.Add("customer");
        var restListOptions = RestByPaymentRef(request.PaymentRef);
        restListOptions.AddExtend("customer");

        var shown = (await gateway.Transactions.GetAsync(extendGet, GatewayFixture.As(GatewayFixture.ReadOnly))).Transaction;
        var restShown = await Rest.Transactions.GetAsync(payment.Id, Upstream.GetOptions.Extending("customer"));
        var listed = Assert.Single((await gateway.Transactions.ListAsync(new ListTransactionsRequest { Options = listOptions }, GatewayFixture.As(GatewayFixture.ReadOnly))).Transactions);
        var restListed = Assert.Single((await Rest.Transactions.ListAsync(restListOptions)).Items);
        var refused = await Assert.ThrowsAsync<RpcException>(() => gateway.Transactions.GetAsync(new GetTransactionRequest { Id = payment.Id, Extend = { "plan" } }, GatewayFixture.As()).ResponseAsync);

        Assert.Equal(request.CustomerRef, shown.Customer.Ref);
        Assert.Equal(request.CustomerRef, listed.Customer.Ref);
        Assert.Null(payment.Customer);
        FieldComparison.AssertSame(shown, restShown, TransactionFields(extended: true));
        FieldComparison.AssertSame(listed, restListed, TransactionFields(extended: true));
        Assert.Equal("100.100.001", refused.GetResultCode());
    }

    [Fact]
    public async Task A_refund_answers_refund_get_extend_and_lists_with_every_field_rest_returns()
    {
        var payment = (await gateway.Transactions.CreateAsync(Orders.CardPayment("10.00"), GatewayFixture.As())).Transaction;
        var refund = (await gateway.Transactions.RefundAsync(
            new RefundTransactionRequest { Id = payment.Id, Amount = "4.00", Reason = "cancelled order", Locale = "sv" },
            GatewayFixture.As(idempotencyKey: Guid.NewGuid().ToString()))).Refund;

        var rest = await Rest.Refunds.GetAsync(refund.Id);
        var restExtended = await Rest.Refunds.GetAsync(refund.Id, Upstream.GetOptions.Extending("transaction"));
        var shown = (await gateway.Refunds.GetAsync(new GetRefundRequest { Id = refund.Id, Locale = "sv" }, GatewayFixture.As(GatewayFixture.ReadOnly))).Refund;
        var extended = (await gateway.Refunds.GetAsync(new GetRefundRequest { Id = refund.Id, Extend = { "transaction" } }, GatewayFixture.As(GatewayFixture.ReadOnly))).Refund;
        var ofTransaction = Assert.Single((await gateway.Transactions.ListRefundsAsync(
            new ListTransactionRefundsRequest { Id = payment.Id, Read = Fresh() }, GatewayFixture.As(GatewayFixture.ReadOnly))).Refunds);
        var all = await gateway.Refunds.ListAsync(new ListRefundsRequest { Options = new ListOptions { Limit = 1000 } }, GatewayFixture.As(GatewayFixture.ReadOnly));
        var restAll = await Rest.Refunds.ListAsync(new Upstream.ListOptions { Limit = 1000 });

        Assert.Equal("Approved", shown.Response.StringValue);
        Assert.Equal(payment.Id, extended.Transaction.Id);
        Assert.Equal("10.00", extended.Transaction.Amount);
        FieldComparison.AssertSame(refund, rest, RefundFields());
        FieldComparison.AssertSame(shown, rest, RefundFields());
        FieldComparison.AssertSame(ofTransaction, rest, RefundFields());
        FieldComparison.AssertSame(extended, restExtended, RefundFields(extended: true));
        FieldComparison.AssertSame(Assert.Single(all.Refunds, r => r.Id == refund.Id), Assert.Single(restAll.Items, r => r.Id == refund.Id), RefundFields());
    }

    [Fact]
    public async Task A_stored_card_answers_get_extend_list_and_a_charge_with_every_payment_parameter()
    {
        var customerRef = Orders.NewRef("s");
        var link = new CreateTransactionRequest { PaymentRef = Orders.NewRef("k"), Amount = "1.00", Currency = "sek", Test = true, Process = false, CustomerRef = customerRef };
        var pending = await gateway.Transactions.CreateAsync(link, GatewayFixture.As());
        var checkout = await Orders.PayInCheckoutAsync(pending.Transaction.Href, customerRef, planId: null);
        var cardId = checkout.GetProperty("stored_card").GetProperty("id").GetInt64();

        var card = (await gateway.StoredCards.GetAsync(new GetStoredCardRequest { Id = cardId, Read = Fresh(), Locale = "sv" }, GatewayFixture.As(GatewayFixture.ReadOnly))).StoredCard;
        var restCard = await Rest.StoredCards.GetAsync(cardId);
        var extended = (await gateway.StoredCards.GetAsync(new GetStoredCardRequest { Id = cardId, Extend = { "customer" } }, GatewayFixture.As(GatewayFixture.ReadOnly))).StoredCard;
        var restExtended = await Rest.StoredCards.GetAsync(cardId, Upstream.GetOptions.Extending("customer"));
        var listed = Assert.Single((await gateway.StoredCards.ListAsync(new ListStoredCardsRequest { CustomerId = card.CustomerId, Locale = "sv" }, GatewayFixture.As(GatewayFixture.ReadOnly))).StoredCards);
        var restListed = Assert.Single((await Rest.StoredCards.ListAsync(new Upstream.StoredCardListOptions { CustomerId = card.CustomerId })).Items);

        var charge = new ChargeStoredCardRequest
        {
            Id = cardId, PaymentRef = Orders.NewRef("g"), Amount = "10.00", Currency = "sek", Test = true, Authorize = true, VatAmount = "2.00",
            Items = { new Item { Artno = "001", Description = "T-shirt", Amount = "10.00", Qty = "1", Vat = "25", Discount = "0" } },
            SuccessUrl = "https://shop.example/ok", ErrorUrl = "https://shop.example/error", TemplateId = 7,
            Webhooks = { new WebhookSpec { Trigger = "payment", Email = "ops@shop.example" } }, Locale = "sv",
            Metadata = new Struct { Fields = { ["order"] = Value.ForString("A-17") } },
        };
        var charged = await gateway.StoredCards.ChargeAsync(charge, GatewayFixture.As());
        var restCharged = await Rest.Transactions.GetAsync(charged.Transaction.Id);

        Assert.Equal(customerRef, card.CustomerRef);
        Assert.Empty(card.Token);
        Assert.Equal(customerRef, extended.Customer.Ref);
        Assert.Equal("authorized", charged.Transaction.Status);
        Assert.Equal(cardId, charged.Transaction.StoredCardId);
        Assert.Equal("2.00", charged.Transaction.VatAmount);
        Assert.Equal("001", Assert.Single(charged.Transaction.Items).Artno);
        Assert.Equal(7, charged.Transaction.TemplateId);
        Assert.Equal("ops@shop.example", Assert.Single(charged.Transaction.Webhooks).Email);
        Assert.NotNull(charged.Transaction.Cost);
        FieldComparison.AssertSame(card, restCard, StoredCardFields());
        FieldComparison.AssertSame(extended, restExtended, StoredCardFields(extended: true));
        FieldComparison.AssertSame(listed, restListed, StoredCardFields());
        FieldComparison.AssertSame(charged.Transaction, restCharged, TransactionFields());
    }

    [Fact]
    public async Task A_per_transaction_webhook_is_refused_with_a_result_code_when_it_names_no_target()
    {
        var request = Orders.CardPayment("10.00");
        request.Webhooks.Add(new WebhookSpec { Trigger = "payment_success" });

        var refused = await Assert.ThrowsAsync<RpcException>(() => gateway.Transactions.CreateAsync(request, GatewayFixture.As()).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.Equal("100.100.001", refused.GetResultCode());
        Assert.Contains("webhooks[0]", refused.GetResult()?.Description, StringComparison.Ordinal);
    }

    /// <summary>A card payment with every parameter the reference's create takes.</summary>
    private static CreateTransactionRequest FullPayment(string amount)
    {
        var request = Orders.CardPayment(amount);
        request.VatAmount = "2.00";
        request.Items.Add(new Item { Artno = "001", Description = "T-shirt", Amount = amount, Qty = "1", Vat = "25", Discount = "0", Notes = "gift wrap" });
        request.SuccessUrl = "https://shop.example/ok?o={{ transaction.payment_ref }}";
        request.ErrorUrl = "https://shop.example/error";
        request.TemplateId = 10;
        request.Webhooks.Add(new WebhookSpec { Trigger = "payment_success", Email = "receipts@shop.example" });
        request.Metadata = new Struct { Fields = { ["order"] = Value.ForStruct(new Struct { Fields = { ["lines"] = Value.ForNumber(2) } }) } };
        request.Locale = "sv";
        return request;
    }

    private static ReadOptions Fresh() => new() { MaxStalenessMs = 0 };

    private static ListOptions ByPaymentRef(string paymentRef)
    {
        var options = new ListOptions { Limit = 10 };
        options.Filters.Add("payment_ref", paymentRef);
        return options;
    }

    private static Upstream.TransactionListOptions RestByPaymentRef(string paymentRef)
    {
        var options = new Upstream.TransactionListOptions { Limit = 10 };
        options.AddFilter(Upstream.ListFilter.Equal("payment_ref", paymentRef));
        return options;
    }

    /// <summary>What a transaction's message carries that REST has not, or carries in another place.</summary>
    private static FieldComparison.Pairing TransactionFields(bool extended = false)
    {
        var pairing = new FieldComparison.Pairing()
            // Derived by the gateway from the state, and its change count: no REST counterpart.
            .Skip("authorized_amount", "captured_amount", "refunded_amount", "change")
            // Deliberately not exposed: the request hash is an MD5 over the secret, the response hash is the gateway's to verify.
            .Skip("request_hash", "response_hash")
            // The status the error came with, not part of Nordea Connect's error object.
            .Skip("Transaction.error.http_status")
            // The owners' ids ride beside the objects REST nests as {"id": n}.
            .Pair<Upstream.Transaction>("customer_id", t => t.Customer?.Id)
            .Pair<Upstream.Transaction>("stored_card_id", t => t.StoredCard?.Id)
            .Pair<Upstream.Transaction>("subscription_id", t => t.Subscription?.Id)
            // A refund's cost is "not in use" per the reference and not carried; its transaction is the one around it.
            .Skip("Transaction.refunds.cost", "Transaction.refunds.transaction")
            // A webhook's response object arrives as four fields.
            .Pair<Upstream.Webhook>("response_code", w => w.Response?.Code)
            .Pair<Upstream.Webhook>("response_message", w => w.Response?.Message)
            .Pair<Upstream.Webhook>("response_body", w => w.Response?.Body)
            .Pair<Upstream.Webhook>("response_error", w => w.Response?.Error)
            .Skip("Transaction.webhooks.response");
        return extended
            // A nested customer's change count is the gateway's own, as on the customer itself.
            ? pairing.Skip("Transaction.customer.change", "Transaction.stored_card", "Transaction.subscription")
            : pairing.Skip("Transaction.customer", "Transaction.stored_card", "Transaction.subscription");
    }

    private static FieldComparison.Pairing RefundFields(bool extended = false)
    {
        // The transaction side's pairings hold for a nested transaction too (bare names); a refund's cost is not carried.
        var pairing = TransactionFields().Skip("Refund.cost");
        return extended
            ? pairing.Skip(
                "Refund.transaction.customer", "Refund.transaction.stored_card", "Refund.transaction.subscription",
                "Refund.transaction.refunds.cost", "Refund.transaction.refunds.transaction", "Refund.transaction.webhooks.response")
            : pairing.Skip("Refund.transaction");
    }

    private static FieldComparison.Pairing StoredCardFields(bool extended = false)
    {
        var pairing = new FieldComparison.Pairing()
            // The token is a credential the gateway keeps; charges go through StoredCards.Charge.
            .Skip("token", "change")
            .Pair<Upstream.StoredCard>("customer_id", c => c.CustomerId ?? c.Customer?.Id);
        return extended
            ? pairing.Skip("StoredCard.customer.change")
            : pairing.Skip("StoredCard.customer");
    }
}
