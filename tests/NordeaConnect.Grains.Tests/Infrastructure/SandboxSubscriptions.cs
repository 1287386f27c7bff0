using System.Collections.Immutable;
using System.Text.Json;
using NordeaConnect.Primitives;
using NordeaConnect.Sandbox.Hosting;

namespace NordeaConnect.Grains.Tests.Infrastructure;

/// <summary>
/// Starts a subscription the way a customer does: a plan, an unprocessed payment, and the payment window paid with
/// plan_id. The plan has a 30-day trial, so the first charge is a month away.
/// </summary>
internal static class SandboxSubscriptions
{
    public static async Task<long> StartAsync(RunningSandbox sandbox, SandboxNode node)
    {
        var planName = "plan-" + Guid.NewGuid().ToString("N")[..8];
        var plan = await node.Grains.GetGrain<IPlanCatalogGrain>(planName).CreateAsync(new PlanCreateRequest
        {
            Name = planName,
            IntervalUnit = "months",
            Interval = 1,
            // A trial keeps the billing engine from charging (and so consuming the debt) while a test runs.
            TrialLength = 30,
            Prices = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [KeyValuePair.Create("sek", Amount.Parse("99.00"))]),
        });
        Assert.True(plan.Succeeded, plan.Description);

        var customerRef = "c" + Guid.NewGuid().ToString("N")[..10];
        var pending = await node.Grains.GetGrain<ITransactionCreationGrain>(SandboxOrders.NewPaymentRef()).CreateAsync(new TransactionCreateRequest
        {
            Amount = Amount.Parse("99.00"),
            Currency = CurrencyCode.Sek,
            CustomerRef = customerRef,
            Test = true,
            Process = false,
        });
        Assert.True(pending.Succeeded, pending.Description);
        var token = new Uri(pending.Value!.Href!).Segments[^1];

        using var http = new HttpClient { BaseAddress = sandbox.BaseAddress };
        using var response = await http.PostAsync("_sandbox/checkout/" + token, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["card_number"] = "4111111111111111",
            ["card_cvv"] = "123",
            ["card_holder"] = "Ann Andersson",
            ["card_expiry"] = "1230",
            ["plan_id"] = plan.Value!.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["customer_ref"] = customerRef,
        }));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("subscription").GetProperty("id").GetInt64();
    }
}
