using System.Net;
using System.Text.Json.Nodes;

namespace NordeaConnect.Sandbox.Tests.Infrastructure;

/// <summary>The payment-window steps a customer takes, through the sandbox's checkout simulation.</summary>
public static class CheckoutSteps
{
    /// <summary>Prepares a pending transaction (process=false) and returns it with its href.</summary>
    public static async Task<JsonObject> PrepareAsync(this SandboxApi api, string amount = "10.00", string currency = "sek", string? customerRef = null, string? metadata = null)
    {
        var fields = api.CardPayment(amount, currency, customerRef: customerRef);
        foreach (var card in new[] { "card_number", "card_holder", "card_expiry", "card_cvv" })
        {
            fields.Remove(card);
        }

        fields["process"] = "false";
        if (metadata is not null)
        {
            fields["metadata"] = metadata;
        }

        var answer = await api.PostFormAsync("v1/transactions", fields);
        answer.ShouldBe(HttpStatusCode.OK);
        return answer.Object;
    }

    /// <summary>Pays a payment link by card, as a customer in the payment window would.</summary>
    public static async Task<Answer> PayAsync(this SandboxApi api, string href, bool storeCard = false, long? planId = null, string? customerRef = null, string cardNumber = "4111111111111111", string? paymentMethod = null)
    {
        var fields = new Dictionary<string, string>
        {
            ["card_number"] = cardNumber,
            ["card_holder"] = "name name",
            ["card_expiry"] = "0199",
            ["card_cvv"] = "123",
            ["store_card"] = storeCard ? "true" : "false",
        };
        if (planId is { } plan)
        {
            fields["plan_id"] = plan.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        if (customerRef is not null)
        {
            fields["customer_ref"] = customerRef;
        }

        if (paymentMethod is not null)
        {
            fields["payment_method"] = paymentMethod;
        }

        // The customer has only the link: no Basic auth.
        using var client = new HttpClient();
        var response = await client.PostAsync(href, new FormUrlEncodedContent(fields));
        var text = await response.Content.ReadAsStringAsync();
        return new Answer(response.StatusCode, JsonNode.Parse(text), null);
    }

    /// <summary>A customer with a stored card: a checkout with store_card=true. Returns the stored card object.</summary>
    public static async Task<JsonObject> StoreCardAsync(this SandboxApi api, string customerRef, string currency = "sek")
    {
        var pending = await api.PrepareAsync(currency: currency, customerRef: customerRef);
        var paid = await api.PayAsync(pending["href"]!.GetValue<string>(), storeCard: true);
        paid.ShouldBe(HttpStatusCode.OK);
        return paid.Object["stored_card"]!.AsObject();
    }

    /// <summary>A monthly plan priced in SEK and EUR.</summary>
    public static async Task<JsonObject> CreatePlanAsync(this SandboxApi api, string price = "100.00", int trialLength = 0, int periods = 0, string setupFee = "0.00", string intervalUnit = "months", int interval = 1)
    {
        var answer = await api.PostFormAsync("v1/plans", new Dictionary<string, string>
        {
            ["name"] = "Gold",
            ["description"] = "Monthly gold membership",
            ["interval_unit"] = intervalUnit,
            ["interval"] = interval.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["periods"] = periods.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["trial_length"] = trialLength.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["prices"] = $$"""{"sek": "{{price}}", "eur": "10.00"}""",
            ["setup_fees"] = $$"""{"sek": "{{setupFee}}"}""",
        });
        answer.ShouldBe(HttpStatusCode.OK);
        return answer.Object;
    }
}
