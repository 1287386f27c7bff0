using System.Net;
using NordeaConnect.Sandbox.Tests.Infrastructure;

namespace NordeaConnect.Sandbox.Tests.Plans;

/// <summary>Billing plans: create, show, list and the validation of their terms.</summary>
public sealed class PlanTests(SandboxFixture fixture) : IClassFixture<SandboxFixture>
{
    private static readonly string[] PlanObjectFields =
        ["id", "created_at", "interval_unit", "periods", "setup_fees", "interval", "prices", "status", "name", "description", "trial_length", "merchant_id"];

    private SandboxApi Api => fixture.Api;

    [Fact]
    public async Task Create_and_show_a_plan_with_the_reference_fields()
    {
        var plan = await Api.CreatePlanAsync(price: "99.50", trialLength: 14, periods: 12, setupFee: "49.00");

        var shown = await Api.GetAsync($"v1/plans/{plan["id"]}");

        shown.ShouldBe(HttpStatusCode.OK);
        foreach (var field in PlanObjectFields)
        {
            Assert.True(shown.Object.ContainsKey(field), $"missing {field}");
        }

        Assert.Equal("99.5", shown.Object["prices"]!["sek"]!.GetValue<string>());
        Assert.Equal("49.0", shown.Object["setup_fees"]!["sek"]!.GetValue<string>());
        Assert.Equal("months", shown.Object["interval_unit"]!.GetValue<string>());
        Assert.Equal(12, shown.Object["periods"]!.GetValue<int>());
        Assert.Equal(14, shown.Object["trial_length"]!.GetValue<int>());
        Assert.Equal("active", shown.Object["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Plans_are_created_from_json_bodies_too()
    {
        var answer = await Api.PostJsonAsync("v1/plans", """{"name":"Weekly","interval_unit":"days","interval":7,"prices":{"eur":5}}""");

        answer.ShouldBe(HttpStatusCode.OK);
        Assert.Equal("5.0", answer.Object["prices"]!["eur"]!.GetValue<string>());
        Assert.Equal(0, answer.Object["periods"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("interval_unit", "weeks", "errors.parameter.invalid")]
    [InlineData("interval", "0", "errors.parameter.invalid")]
    [InlineData("interval", "121", "errors.parameter.invalid")]
    [InlineData("periods", "-1", "errors.parameter.invalid")]
    [InlineData("prices", "{\"xyz\":\"1.00\"}", "errors.currency.invalid")]
    [InlineData("prices", "{\"sek\":\"1.005\"}", "errors.parameter.invalid")]
    [InlineData("prices", "[1]", "errors.parameter.invalid")]
    [InlineData("name", "", "errors.parameter.missing")]
    public async Task Invalid_terms_are_refused(string field, string value, string error)
    {
        var fields = new Dictionary<string, string>
        {
            ["name"] = "Gold", ["interval_unit"] = "months", ["interval"] = "1", ["prices"] = """{"sek":"100.00"}""",
        };
        fields[field] = value;

        var answer = await Api.PostFormAsync("v1/plans", fields);

        answer.ShouldBeError(HttpStatusCode.BadRequest, error);
    }

    [Fact]
    public async Task List_plans_with_filters()
    {
        await Api.CreatePlanAsync(intervalUnit: "days", interval: 30);
        await Api.CreatePlanAsync();

        var days = await Api.GetAsync("v1/plans?filter[interval_unit]=days");
        var named = await Api.GetAsync("v1/plans?filter[name]=Go*&order_by=id:desc");

        Assert.All(days.Array, p => Assert.Equal("days", p!["interval_unit"]!.GetValue<string>()));
        Assert.NotEmpty(days.Array);
        Assert.True(named.Array.Count >= 2);
        Assert.True(named.Array[0]!["id"]!.GetValue<long>() > named.Array[1]!["id"]!.GetValue<long>());
    }

    [Fact]
    public async Task Plans_cannot_be_updated_through_the_api()
    {
        var plan = await Api.CreatePlanAsync();

        var answer = await Api.PutFormAsync($"v1/plans/{plan["id"]}", [new("name", "Platinum")]);

        answer.ShouldBeError(HttpStatusCode.MethodNotAllowed, "errors.route.method_not_allowed");
    }
}
