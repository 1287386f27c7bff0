using System.Net.Http;
using System.Text.Json;
using NordeaConnect.Grains.V1;

namespace NordeaConnect.Gateway.Tests.EndToEnd;

/// <summary>Requests the end-to-end tests build again and again, each with a payment_ref no other test uses.</summary>
internal static class Orders
{
    private static int _next;

    public static string NewRef(string prefix) =>
        prefix + Interlocked.Increment(ref _next).ToString("D4", System.Globalization.CultureInfo.InvariantCulture) + Guid.NewGuid().ToString("N")[..(8 - prefix.Length)];

    public static CreateTransactionRequest CardPayment(string amount = "100.00", bool authorize = false, string? paymentRef = null) => new()
    {
        PaymentRef = paymentRef ?? NewRef("t"),
        Amount = amount,
        Currency = "sek",
        Test = true,
        Authorize = authorize,
        CardHolder = "Test Person",
        CardNumber = "4111111111111111",
        CardExpiry = "1230",
        CardCvv = "123",
        CardType = "VISA",
    };

    /// <summary>Pays a payment link in the sandbox's checkout simulation, storing the card and optionally starting a plan.</summary>
    public static async Task<JsonElement> PayInCheckoutAsync(string href, string customerRef, long? planId)
    {
        using var http = new HttpClient();
        var fields = new Dictionary<string, string>
        {
            ["card_number"] = "4111111111111111",
            ["card_expiry"] = "1230",
            ["card_cvv"] = "123",
            ["card_holder"] = "Test Person",
            ["card_type"] = "VISA",
            ["store_card"] = "true",
            ["customer_ref"] = customerRef,
        };
        if (planId is { } id)
        {
            fields["plan_id"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        using var response = await http.PostAsync(new Uri(href), new FormUrlEncodedContent(fields));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"checkout answered {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }
}
