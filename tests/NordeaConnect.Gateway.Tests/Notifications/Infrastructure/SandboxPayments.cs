using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using NordeaConnect.Gateway.Changes;
using NordeaConnect.Grains;
using NordeaConnect.Primitives;
using NordeaConnect.Sandbox.Hosting;

namespace NordeaConnect.Gateway.Tests.Notifications.Infrastructure;

/// <summary>Payments made the way customers make them: an unprocessed transaction, then the sandbox's payment window.</summary>
internal static class SandboxPayments
{
    public static string NewPaymentRef() => "n" + Guid.NewGuid().ToString("N")[..11];

    /// <summary>A pending transaction with a payment link, created and announced as the Transactions service does.</summary>
    public static async Task<(long Id, string Token)> PendingAsync(GatewayTestHost host, string amount = "120.00", string? customerRef = null)
    {
        var created = await host.Grains.GetGrain<ITransactionCreationGrain>(NewPaymentRef()).CreateAsync(new TransactionCreateRequest
        {
            Amount = Amount.Parse(amount),
            Currency = CurrencyCode.Sek,
            CustomerRef = customerRef,
            Test = true,
            Process = false,
        });
        Assert.True(created.Succeeded, created.Description);
        // As the Transactions service does after Create: the creation is the entity's first change.
        await host.Services.GetRequiredService<TransactionAnnouncements>().CreatedAsync(created, notificationUrl: null, CancellationToken.None);
        return (created.Value!.Id, new Uri(created.Value.Href!).Segments[^1]);
    }

    /// <summary>Pays a pending transaction in the sandbox's payment window; returns the checkout's answer.</summary>
    public static async Task<JsonElement> CheckoutAsync(RunningSandbox sandbox, string token, IDictionary<string, string>? extra = null)
    {
        var fields = new Dictionary<string, string>
        {
            ["card_number"] = "4111111111111111",
            ["card_cvv"] = "123",
            ["card_holder"] = "Ann Andersson",
            ["card_expiry"] = "1230",
        };
        foreach (var (name, value) in extra ?? new Dictionary<string, string>())
        {
            fields[name] = value;
        }

        using var http = new HttpClient { BaseAddress = sandbox.BaseAddress };
        using var response = await http.PostAsync("_sandbox/checkout/" + token, new FormUrlEncodedContent(fields));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>The newest recorded state of the transaction, as the JSON of its Get response.</summary>
    public static async Task<JsonElement> LatestTransactionAsync(GatewayTestHost host, long id)
    {
        var latest = await host.Outbox.LatestChangeAsync(EntityKey.ForTransaction(id), CancellationToken.None);
        Assert.NotNull(latest);
        return JsonDocument.Parse(latest.MessageJson).RootElement.GetProperty("transaction").Clone();
    }

    public static string Text(long id) => id.ToString(CultureInfo.InvariantCulture);
}
