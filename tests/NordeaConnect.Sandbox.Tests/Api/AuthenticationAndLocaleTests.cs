using System.Net;
using System.Net.Http.Headers;
using System.Text;
using NordeaConnect.Sandbox.Tests.Infrastructure;

namespace NordeaConnect.Sandbox.Tests.Api;

/// <summary>Basic auth (401 missing or malformed, 403 wrong) and error texts by locale.</summary>
public sealed class AuthenticationAndLocaleTests(SandboxFixture fixture) : IClassFixture<SandboxFixture>
{
    [Theory]
    [InlineData(null)]
    [InlineData("Bearer abc")]
    [InlineData("Basic !!!notbase64")]
    [InlineData("Basic bm9jb2xvbg==")]
    public async Task Missing_or_malformed_credentials_answer_401(string? authorization)
    {
        using var client = new HttpClient { BaseAddress = fixture.Sandbox.BaseAddress };
        if (authorization is not null)
        {
            client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", authorization);
        }

        var answer = await new SandboxApi(client, fixture.Sandbox.Merchant).GetAsync("v1/transactions");

        answer.ShouldBeError(HttpStatusCode.Unauthorized, "errors.authentication.missing");
    }

    [Theory]
    [InlineData("3", "wrong")]
    [InlineData("999", "password")]
    [InlineData("77", "password")]
    public async Task Wrong_credentials_answer_403(string merchantId, string password)
    {
        using var client = new HttpClient { BaseAddress = fixture.Sandbox.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(merchantId + ":" + password)));

        var answer = await new SandboxApi(client, fixture.Sandbox.Merchant).GetAsync("v1/transactions");

        answer.ShouldBeError(HttpStatusCode.Forbidden, "errors.authentication.failed");
    }

    [Fact]
    public async Task Locale_sv_in_the_query_answers_in_swedish()
    {
        var answer = await fixture.Api.GetAsync("v1/transactions/123456789?locale=sv");

        answer.ShouldBeError(HttpStatusCode.NotFound, "errors.record.not_found");
        Assert.Equal("Det finns ingen transaction med id 123456789", answer.Object["description"]!.GetValue<string>());
    }

    [Fact]
    public async Task Locale_sv_in_the_body_answers_in_swedish()
    {
        var fields = fixture.Api.CardPayment();
        fields.Remove("card_number");
        fields["locale"] = "sv";

        var answer = await fixture.Api.PostFormAsync("v1/transactions", fields);

        answer.ShouldBeError(HttpStatusCode.BadRequest, "errors.card_number.missing");
        Assert.Equal("Kortnummer saknas", answer.Object["description"]!.GetValue<string>());
    }

    [Fact]
    public async Task Locale_en_answers_in_english()
    {
        var fields = fixture.Api.CardPayment();
        fields["amount"] = "1";
        fields["locale"] = "en";

        var answer = await fixture.Api.PostFormAsync("v1/transactions?locale=sv", fields);

        Assert.Equal("Amount error – missing amount or invalid value", answer.Object["description"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_unknown_api_path_answers_404_with_an_error_object()
    {
        var answer = await fixture.Api.GetAsync("v1/no_such_resource");

        answer.ShouldBeError(HttpStatusCode.NotFound, "errors.route.not_found");
    }
}
