using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Grpc.Core;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using NordeaConnect.Contracts;
using NordeaConnect.Gateway.Tests.EndToEnd;

namespace NordeaConnect.Gateway.Tests.Facade;

/// <summary>
/// Every unary method is also plain HTTP/JSON on the gateway's HTTP/1.1 listener (JSON transcoding on its
/// google.api.http route), with the same Bearer auth and result codes: the body of a failure is the google.rpc.Status a
/// gRPC caller unpacks (ErrorInfo reason = the result code), and nc-result-code is a header.
/// </summary>
[Collection(GatewayCollection.Name)]
public sealed class JsonApiTests(GatewayFixture gateway)
{
    /// <summary>The HTTP/1.1 listener (the webhook intake's): the one that is not the gRPC target.</summary>
    private Uri JsonBase => gateway.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
        .Select(a => new Uri(a))
        .First(a => a.Authority != gateway.Target);

    [Fact]
    public async Task Curl_creates_and_refunds_a_payment_over_json()
    {
        var paymentRef = Orders.NewRef("json");
        var created = await CurlAsync(
            "POST",
            "/v1/transactions",
            $$"""{"payment_ref":"{{paymentRef}}","amount":"25.00","currency":"sek","test":true,"card_holder":"Test Person","card_number":"4111111111111111","card_cvv":"123","card_expiry":"1230","card_type":"VISA"}""",
            "create-" + paymentRef);

        Assert.Equal(200, created.Status);
        using var transaction = JsonDocument.Parse(created.Body);
        Assert.Equal("000.100.110", transaction.RootElement.GetProperty("result").GetProperty("code").GetString());
        Assert.Equal("411111******1111", transaction.RootElement.GetProperty("transaction").GetProperty("cardNumber").GetString());
        var id = transaction.RootElement.GetProperty("transaction").GetProperty("id").ToString();

        var refunded = await CurlAsync("POST", $"/v1/transactions/{id}:refund", """{"amount":"10.00","reason":"returned"}""", "refund-" + paymentRef);

        Assert.Equal(200, refunded.Status);
        using var refund = JsonDocument.Parse(refunded.Body);
        Assert.Equal("000.100.110", refund.RootElement.GetProperty("result").GetProperty("code").GetString());
        Assert.Equal("10.00", refund.RootElement.GetProperty("refund").GetProperty("amount").GetString());

        var read = await CurlAsync("GET", $"/v1/transactions/{id}", body: null, idempotencyKey: null);
        Assert.Equal(200, read.Status);
        using var reread = JsonDocument.Parse(read.Body);
        Assert.Equal("10.00", reread.RootElement.GetProperty("transaction").GetProperty("refundedAmount").GetString());
    }

    [Fact]
    public async Task Without_a_token_the_answer_is_401_with_the_result_code()
    {
        using var http = new HttpClient { BaseAddress = JsonBase };

        using var response = await http.GetAsync(new Uri("/v1/transactions/1", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await AssertFailureAsync(response, "100.400.401", StatusCode.Unauthenticated, field: null);
    }

    [Fact]
    public async Task A_malformed_authorization_header_is_401_and_an_unknown_token_403_with_the_result_code()
    {
        using var http = new HttpClient { BaseAddress = JsonBase };
        using var basic = new HttpRequestMessage(HttpMethod.Get, "/v1/transactions/1") { Headers = { Authorization = new AuthenticationHeaderValue("Basic", "dXNlcjpwYXNz") } };
        using var oversized = new HttpRequestMessage(HttpMethod.Get, "/v1/transactions/1") { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", new string('a', 2049)) } };
        using var unknown = new HttpRequestMessage(HttpMethod.Get, "/v1/transactions/1") { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", "json-token-nobody-knows-0001") } };

        using var basicAnswer = await http.SendAsync(basic);
        using var oversizedAnswer = await http.SendAsync(oversized);
        using var unknownAnswer = await http.SendAsync(unknown);

        Assert.Equal(HttpStatusCode.Unauthorized, basicAnswer.StatusCode);
        await AssertFailureAsync(basicAnswer, "100.400.401", StatusCode.Unauthenticated, field: null);
        Assert.Equal(HttpStatusCode.Unauthorized, oversizedAnswer.StatusCode);
        await AssertFailureAsync(oversizedAnswer, "100.400.401", StatusCode.Unauthenticated, field: null);
        Assert.Equal(HttpStatusCode.Forbidden, unknownAnswer.StatusCode);
        await AssertFailureAsync(unknownAnswer, "100.400.403", StatusCode.PermissionDenied, field: null);
    }

    [Fact]
    public async Task A_token_without_the_scope_is_403_with_the_result_code()
    {
        using var http = Client(GatewayFixture.ReadOnly);

        using var response = await http.PostAsync(new Uri("/v1/transactions", UriKind.Relative), Json("""{"payment_ref":"x","amount":"1.00","currency":"sek"}"""));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        await AssertFailureAsync(response, "100.400.403", StatusCode.PermissionDenied, field: null);
    }

    [Fact]
    public async Task An_invalid_field_is_400_with_the_field_violation()
    {
        using var http = Client(GatewayFixture.AllScopes);

        using var response = await http.PostAsync(new Uri("/v1/transactions", UriKind.Relative), Json("""{"payment_ref":"x","amount":"abc","currency":"sek","test":true}"""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await AssertFailureAsync(response, "100.100.002", StatusCode.InvalidArgument, field: "amount");
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("""{"amount": {"nested": true}}""")]
    [InlineData("""{"payment_ref": ["a list"]}""")]
    public async Task A_body_that_is_not_the_request_type_answers_with_a_result_code(string body)
    {
        using var http = Client(GatewayFixture.AllScopes);

        using var response = await http.PostAsync(new Uri("/v1/transactions", UriKind.Relative), Json(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await AssertFailureAsync(response, "100.100.001", StatusCode.InvalidArgument, field: string.Empty);
    }

    [Fact]
    public async Task A_path_value_of_the_wrong_type_answers_with_a_result_code()
    {
        using var http = Client(GatewayFixture.AllScopes);

        using var response = await http.GetAsync(new Uri("/v1/transactions/not-a-number", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await AssertFailureAsync(response, "100.100.001", StatusCode.InvalidArgument, field: string.Empty);
    }

    [Fact]
    public async Task The_openapi_document_describes_the_routes_and_bearer_auth()
    {
        using var http = new HttpClient { BaseAddress = JsonBase };

        var text = await http.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative));

        using var document = JsonDocument.Parse(text);
        var paths = document.RootElement.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/v1/transactions", out var transactions) && transactions.TryGetProperty("post", out _));
        Assert.True(paths.TryGetProperty("/v1/transactions/{id}:refund", out _));
        Assert.True(paths.TryGetProperty("/v1/storedCards/{id}:charge", out _));
        Assert.False(paths.TryGetProperty("/webhooks/nordeaconnect/{trigger}", out _));
        Assert.Equal("bearer", document.RootElement.GetProperty("components").GetProperty("securitySchemes").GetProperty("bearer").GetProperty("scheme").GetString());
    }

    private HttpClient Client(string token)
    {
        var http = new HttpClient { BaseAddress = JsonBase };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static async Task AssertFailureAsync(HttpResponseMessage response, string resultCode, StatusCode status, string? field)
    {
        Assert.Equal(resultCode, Assert.Single(response.Headers.GetValues(ResultTrailers.CodeKey)));
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal((int)status, body.RootElement.GetProperty("code").GetInt32());
        Assert.Contains(resultCode, body.RootElement.GetProperty("message").GetString(), StringComparison.Ordinal);
        var details = body.RootElement.GetProperty("details").EnumerateArray().ToList();
        var info = details.Single(d => d.GetProperty("@type").GetString() == "type.googleapis.com/google.rpc.ErrorInfo");
        Assert.Equal(resultCode, info.GetProperty("reason").GetString());
        Assert.Equal(ResultTrailers.ErrorDomain, info.GetProperty("domain").GetString());
        var badRequest = details.SingleOrDefault(d => d.GetProperty("@type").GetString() == "type.googleapis.com/google.rpc.BadRequest");
        if (field is null)
        {
            Assert.Equal(JsonValueKind.Undefined, badRequest.ValueKind);
            return;
        }

        var violation = Assert.Single(badRequest.GetProperty("fieldViolations").EnumerateArray());
        Assert.Equal(field, violation.TryGetProperty("field", out var named) ? named.GetString() : string.Empty);
    }

    /// <summary>Runs the real curl binary: what a README reader types.</summary>
    private async Task<(int Status, string Body)> CurlAsync(string method, string path, string? body, string? idempotencyKey)
    {
        var start = new ProcessStartInfo("curl") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "--silent", "--show-error", "--http1.1", "--request", method, "--write-out", "\n%{http_code}",
                     "--header", "authorization: Bearer " + GatewayFixture.AllScopes })
        {
            start.ArgumentList.Add(argument);
        }

        if (idempotencyKey is not null)
        {
            start.ArgumentList.Add("--header");
            start.ArgumentList.Add("idempotency-key: " + idempotencyKey);
        }

        if (body is not null)
        {
            start.ArgumentList.Add("--header");
            start.ArgumentList.Add("content-type: application/json");
            start.ArgumentList.Add("--data");
            start.ArgumentList.Add(body);
        }

        start.ArgumentList.Add(new Uri(JsonBase, path).ToString());
        using var curl = Process.Start(start)!;
        var output = await curl.StandardOutput.ReadToEndAsync();
        var error = await curl.StandardError.ReadToEndAsync();
        await curl.WaitForExitAsync();
        Assert.True(curl.ExitCode == 0, "curl failed: " + error);
        var split = output.LastIndexOf('\n');
        return (int.Parse(output[(split + 1)..], System.Globalization.CultureInfo.InvariantCulture), output[..split]);
    }
}
