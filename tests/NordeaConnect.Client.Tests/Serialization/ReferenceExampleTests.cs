using System.Text.Json;
using NordeaConnect.Primitives;

namespace NordeaConnect.Client.Tests.Serialization;

/// <summary>The reference's own example responses, verbatim, read with every inconsistency tolerated.</summary>
public sealed class ReferenceExampleTests
{
    private static T Read<T>(string json, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo) =>
        JsonSerializer.Deserialize(json, typeInfo)!;

    [Fact]
    public void Show_transaction_example_with_string_amount_and_integer_fees()
    {
        var transaction = Read("""
            {
            "amount" : "480.0",
            "card_holder" : "Anna Andersson",
            "card_number" : "*****************1111",
            "card_type" : "VISA",
            "cost" : { "fixed_fee" : 0, "percentual_exchange_fee" : 0, "percentual_fee" : 0, "total" : "0.0" },
            "created_at" : "2018-12-17T13:41:07Z",
            "currency" : "SEK",
            "customer" : null,
            "error" : null,
            "error_url" : "https://nordeaconnect.com/payment-error",
            "id" : 443,
            "merchant_id" : 3,
            "metadata" : { "products" : [ "awesomeness","coolness"], "user" : { "email" : "justmyemail@nordeaconnect.com"} },
            "payment_ref" : null,
            "ref" : null,
            "refunds" : [ ],
            "status" : "approved",
            "stored_card" : null,
            "subscription" : null,
            "success_url" : "https://nordeaconnect.com/payment-ok?status=A",
            "template_id" : 10,
            "test" : false,
            "transaction_type" : null,
            "webhooks" : [ ]
            }
            """, NordeaConnectJsonContext.Default.Transaction);

        Assert.Equal(443, transaction.Id);
        Assert.Equal(Amount.Parse("480.00"), transaction.Amount);
        Assert.Equal(CurrencyCode.Sek, transaction.Currency);
        Assert.Equal("3", transaction.MerchantId);
        Assert.Equal(new DateTimeOffset(2018, 12, 17, 13, 41, 7, TimeSpan.Zero), transaction.CreatedAt);
        Assert.Equal(0m, transaction.Cost!.FixedFee);
        Assert.Equal(Amount.Zero, transaction.Cost.Total);
        Assert.False(transaction.Test);
        Assert.Equal(10, transaction.TemplateId);
        Assert.Equal("justmyemail@nordeaconnect.com", transaction.Metadata!.Value.GetProperty("user").GetProperty("email").GetString());
        Assert.Empty(transaction.Refunds);
        Assert.Null(transaction.TransactionType);
    }

    [Fact]
    public void Token_payment_example_with_payment_details_client_info_and_webhooks()
    {
        var transaction = Read("""
            {"amount":"5.0","vat_amount":"0.2","card_number":"411111******1111","cost":{"fixed_fee":"2.5","percentual_exchange_fee":"0.035","percentual_fee":"0.025","total":"2.8"},
             "authorize":false,"href":"https://pay.nordeaconnect.com/v1/form/Av6lK7OItURlSvYZ6pQ","created_at":"2018-08-04T15:45:11Z","currency":"sek",
             "success_url":"","error_url":"","id":7510,"merchant_id":3,"metadata":null,"payment_ref":"53dfaa67","refunds":[],"status":"approved",
             "success_url":null,"template_id":123,"test":true,"transaction_type":"credit_card","webhooks":[{"created_at":"2018-07-22T16:42:10Z","data_format":null,"email":"info@nordeaconnect.com","http_method":null,"id":18031,"response":null,"trigger":"payment","type":"Email","url":null}],
             "items":[],"client_info":{"raw_user_agent":"Mozilla/5.0","browser":"Chrome","version":"60.0.3112.113","platform":"Macintosh","ip":"59.21.2.160","accept_language":"en-GB"},
             "response_hash":"6b5f0b8687dbbc25ff1e579ac10a0d48","request_hash":"f42e350aca7a37600973b2b3143e2917",
             "payment_details":{"id":1,"card_number":"411111******1111","card_holder":"name name","card_type":"MASTERCARD","customer_number":null,"card_issuer":"WESTPAC BANKING CORPORATION","credit_or_debit":"debit","card_country_code":"AU","segmentation":"b2c","email":null}}
            """, NordeaConnectJsonContext.Default.Transaction);

        Assert.Equal(Amount.Parse("0.20"), transaction.VatAmount);
        Assert.Equal(0.025m, transaction.Cost!.PercentualFee);
        Assert.Equal(Amount.Parse("2.80"), transaction.Cost.Total);
        Assert.False(transaction.Authorize);
        Assert.Equal("credit_card", transaction.TransactionType);
        Assert.Equal("Chrome", transaction.ClientInfo!.Browser);
        Assert.Equal("WESTPAC BANKING CORPORATION", transaction.PaymentDetails!.CardIssuer);
        Assert.Equal("info@nordeaconnect.com", Assert.Single(transaction.Webhooks).Email);
        Assert.Null(transaction.Metadata);
        Assert.Equal("f42e350aca7a37600973b2b3143e2917", transaction.RequestHash);
    }

    [Fact]
    public void Dotnet_sdk_example_with_misspelled_type_null_lists_and_a_cvv_that_is_dropped()
    {
        var transactions = Read("""
            [{"amount":"10.00","card_cvv":"200","card_holder":".net sdk","card_number":"411111******1111","card_type":"VISA",
              "cost":{"fixed_fee":"2.5","percentual_exchange_fee":"0.035","percentual_fee":"0.025","total":"2.8"},
              "created_at":"2018-08-06T17:39:47.2978516Z","currency":"eur","customer":null,"encrypted":null,"error":null,"error_url":null,
              "id":1,"merchant_id":0,"metadata":null,"payment_ref":"123","payment_request":null,"refund":null,"status":"complete",
              "stored_card":null,"subscription":null,"success_url":null,"template_id":1,"test":true,"transcation_type":"credit_card","webhooks":null}]
            """, NordeaConnectJsonContext.Default.TransactionArray);

        var transaction = Assert.Single(transactions);
        Assert.Equal("credit_card", transaction.TransactionType);
        Assert.Empty(transaction.Refunds);
        Assert.Empty(transaction.Webhooks);
        Assert.Empty(transaction.Items);
        Assert.Equal(CurrencyCode.Eur, transaction.Currency);
        Assert.DoesNotContain("\"200\"", JsonSerializer.Serialize(transaction, NordeaConnectJsonContext.Default.Transaction), StringComparison.Ordinal);
        Assert.DoesNotContain("transcation_type", JsonSerializer.Serialize(transaction, NordeaConnectJsonContext.Default.Transaction), StringComparison.Ordinal);
    }

    [Fact]
    public void Singular_refund_list_and_string_ids_are_read()
    {
        var transaction = Read("""{"id":"7510","refund":[{"id":"49","amount":5}],"test":"1"}""", NordeaConnectJsonContext.Default.Transaction);

        Assert.Equal(7510, transaction.Id);
        Assert.Equal(49, Assert.Single(transaction.Refunds).Id);
        Assert.Equal(Amount.Parse("5.00"), transaction.Refunds[0].Amount);
        Assert.True(transaction.Test);
    }

    [Fact]
    public void Stored_card_examples_including_the_unset_expiry()
    {
        var fromCurl = Read("""{"card_holder":"name name","card_number":"411111******1111","created_at":"2018-08-04T17:23:05Z","currency":"SEK","customer":{"id":2923},"expires":"2018-01-31T23:59:59Z","id":954,"merchant_id":3,"ref":null,"status":"active","test":true,"token":"31407172985450590"}""", NordeaConnectJsonContext.Default.StoredCard);
        var fromSdk = Read("""{"card_cvv":"200","card_holder":".net sdk","card_number":"411111******1111","card_type":"VISA","created_at":"2018-08-06T17:45:53.1767579Z","currency":"eur","customer":null,"customer_id":0,"customer_ref":null,"encrypted":null,"expires":"0001-01-01T00:00:00","id":1,"merchant_id":0,"status":"complete","test":true,"token":"esuyrh9c467bconwenc"}""", NordeaConnectJsonContext.Default.StoredCard);

        Assert.Equal(2923, fromCurl.Customer!.Id);
        Assert.Equal(new DateTimeOffset(2018, 1, 31, 23, 59, 59, TimeSpan.Zero), fromCurl.Expires);
        Assert.Equal("31407172985450590", fromCurl.Token);
        Assert.Null(fromSdk.Expires);
        Assert.Equal(0, fromSdk.CustomerId);
    }

    [Fact]
    public void Refund_examples_with_transaction_object_or_transaction_id()
    {
        var fromCurl = Read("""{"amount":"171.5","created_at":"2018-05-21T09:32:40Z","id":30,"reason":"Cancelled order","ref":null,"transaction":{"id":1571}}""", NordeaConnectJsonContext.Default.Refund);
        var fromSdk = Read("""{"amount":"1.00","created_at":"2018-08-06T17:59:25.756836Z","id":100,"reason":"635429519656083985","transaction":null,"transaction_id":1}""", NordeaConnectJsonContext.Default.Refund);

        Assert.Equal(Amount.Parse("171.50"), fromCurl.Amount);
        Assert.Equal(1571, fromCurl.TransactionId);
        Assert.Equal(1, fromSdk.TransactionId);
    }

    [Fact]
    public void Plan_prices_as_object_array_or_json_text_and_subscription_negative_debt()
    {
        var plan = Read("""{"id":1,"prices":{"SEK":"100.0","eur":10},"setup_fees":"{\"sek\":\"50.00\"}","interval_unit":"months","interval":1,"periods":0}""", NordeaConnectJsonContext.Default.Plan);
        var listed = Read("""{"id":2,"prices":[{"currency":"nok","amount":"99.00"}]}""", NordeaConnectJsonContext.Default.Plan);
        var subscription = Read("""{"id":3,"debt":"-12.5","price":"100.0","subscription_quantity":2,"next_at":"2024-02-01T00:00:00Z","plan":{"id":1},"items":null}""", NordeaConnectJsonContext.Default.Subscription);

        Assert.Equal(Amount.Parse("100.00"), plan.Prices![CurrencyCode.Sek]);
        Assert.Equal(Amount.Parse("10.00"), plan.Prices[CurrencyCode.Eur]);
        Assert.Equal(Amount.Parse("50.00"), plan.SetupFees![CurrencyCode.Sek]);
        Assert.Equal(Amount.Parse("99.00"), listed.Prices![CurrencyCode.Nok]);
        Assert.Equal(-12.5m, subscription.Debt);
        Assert.Equal(2, subscription.Quantity);
        Assert.Equal(1, subscription.Plan!.Id);
        Assert.Empty(subscription.Items);
    }

    [Fact]
    public void Webhook_response_code_as_string_and_template_fields()
    {
        var webhook = Read("""{"id":1,"type":"CustomHttp","response":{"code":"400","body":"Bad request","message":"Bad Request","error":"Net::HTTPBadRequest"},"trigger":"payment_error","data_format":"JSON"}""", NordeaConnectJsonContext.Default.Webhook);
        var template = Read("""{"id":1,"url":"https://x/{{transaction.id}}","trigger":"payment_success","type":"custom_http","merchant_id":"3","http_method":"POST","data_format":"json","body":"{}","custom_headers":"key=value key2=value2","sender":"a@b.c"}""", NordeaConnectJsonContext.Default.WebhookTemplate);

        Assert.Equal("400", webhook.Response!.Code);
        Assert.Equal("Net::HTTPBadRequest", webhook.Response.Error);
        Assert.Equal("3", template.MerchantId);
        Assert.Equal("key=value key2=value2", template.CustomHeaders);
    }

    [Fact]
    public void Items_with_capitalised_key_and_numbers_as_strings()
    {
        var transaction = Read("""{"id":1,"Items":[{"artno":"001","amount":"1","description":"user license2","qty":"1","vat":"25","discount":"0"}]}""", NordeaConnectJsonContext.Default.Transaction);

        var item = Assert.Single(transaction.Items);
        Assert.Equal("001", item.ArticleNumber);
        Assert.Equal(25m, item.VatRate);
        Assert.Equal(1m, item.Quantity);
    }
}
