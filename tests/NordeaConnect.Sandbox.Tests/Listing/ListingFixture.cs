using System.Globalization;
using NordeaConnect.Sandbox.Tests.Infrastructure;

namespace NordeaConnect.Sandbox.Tests.Listing;

/// <summary>A sandbox holding 25 known transactions: amounts 1.00..25.00, alternating currencies and metadata.</summary>
public sealed class ListingFixture : IAsyncLifetime
{
    public const int Count = 25;

    private readonly SandboxFixture _sandbox = new();

    public SandboxApi Api => _sandbox.Api;

    public string PaymentRefPrefix { get; } = "lst" + Random.Shared.Next(100, 999).ToString(CultureInfo.InvariantCulture);

    public async Task InitializeAsync()
    {
        await _sandbox.InitializeAsync();
        for (var i = 1; i <= Count; i++)
        {
            var amount = i.ToString(CultureInfo.InvariantCulture) + ".00";
            var currency = i % 2 == 0 ? "eur" : "sek";
            var paymentRef = PaymentRefPrefix + "-" + i.ToString(CultureInfo.InvariantCulture);
            var fields = Api.CardPayment(amount, currency, paymentRef, test: i <= 20);
            fields["metadata"] = $$"""{"customer":{"name":"{{(i % 2 == 0 ? "anna" : "bo")}}"},"products":[{"name":"shoe{{i}}"}]}""";
            if (i == Count)
            {
                fields.Remove("metadata");
            }

            (await Api.PostFormAsync("v1/transactions", fields)).ShouldBe(System.Net.HttpStatusCode.OK);
        }
    }

    public Task DisposeAsync() => _sandbox.DisposeAsync();
}
