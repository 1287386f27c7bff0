using System.Collections.Immutable;
using Microsoft.Extensions.DependencyInjection;
using NordeaConnect.Grains.Tests.Infrastructure;
using NordeaConnect.Primitives;
using NordeaConnect.Sandbox.Hosting;

namespace NordeaConnect.Grains.Tests.Sandbox;

public sealed class PlanCatalogTests
{
    private static PlanCreateRequest Plan(string name, string price) => new()
    {
        Name = name,
        IntervalUnit = "months",
        Interval = 1,
        Prices = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [KeyValuePair.Create("sek", Amount.Parse(price))]),
    };

    [Fact]
    public async Task A_plan_is_created_once_per_name_and_read_through_its_grain()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        await using var node = await SandboxNode.StartAsync(sandbox);
        var catalog = node.Grains.GetGrain<IPlanCatalogGrain>("gold");

        var created = await Task.WhenAll(catalog.CreateAsync(Plan("gold", "49.00")), catalog.CreateAsync(Plan("gold", "49.00")));
        var other = await catalog.CreateAsync(Plan("gold", "59.00"));
        var misnamed = await catalog.CreateAsync(Plan("silver", "49.00"));
        var read = await node.Grains.GetGrain<IPlanGrain>(created[0].Value!.Id).GetAsync();

        Assert.All(created, result => Assert.True(result.Succeeded, result.Description));
        Assert.Equal(created[0].Value!.Id, created[1].Value!.Id);
        Assert.Equal(1, node.UpstreamCalls["POST /v1/plans"]);
        Assert.Equal(ResultCode.IdempotencyKeyReused, other.Code);
        Assert.Equal(ResultCode.InvalidArgument, misnamed.Code);
        Assert.Equal(Amount.Parse("49.00"), read.Value!.PriceIn(CurrencyCode.Sek));
    }

    [Fact]
    public async Task The_callers_locale_reaches_every_upstream_call_of_the_plan_and_customer_grains()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        await using var node = await SandboxNode.StartAsync(sandbox);

        CallLocale.Set("sv");
        var created = await node.Grains.GetGrain<IPlanCatalogGrain>("locale").CreateAsync(Plan("locale", "49.00"));
        var customer = await node.Grains.GetGrain<ICustomerCreationGrain>("c-locale").CreateAsync();
        var swedish = await node.Grains.GetGrain<IPlanGrain>(987_654_321).GetAsync(TimeSpan.Zero);
        CallLocale.Set(null);
        var english = await node.Grains.GetGrain<ICustomerGrain>(987_654_321).GetAsync(TimeSpan.Zero);

        Assert.True(created.Succeeded, created.Description);
        Assert.True(customer.Succeeded, customer.Description);
        Assert.Equal(1, node.UpstreamLocales["POST /v1/plans sv"]);
        Assert.Equal(1, node.UpstreamLocales["POST /v1/customers sv"]);
        Assert.Equal(1, node.UpstreamLocales["GET /v1/plans/{id} sv"]);
        Assert.StartsWith("Det finns ingen", swedish.UpstreamError?.Description, StringComparison.Ordinal);
        Assert.StartsWith("No ", english.UpstreamError?.Description, StringComparison.Ordinal);
        Assert.Equal(0, node.UpstreamLocales.Matching(call => call.StartsWith("GET /v1/customers/", StringComparison.Ordinal)));
    }

    [Fact]
    public void Options_that_make_no_sense_are_refused_with_the_reason()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new PaymentGrainsOptions { DefaultStaleness = TimeSpan.FromSeconds(-1) }.Validate());

        Assert.Contains("DefaultStaleness", error.Message, StringComparison.Ordinal);
    }
}
