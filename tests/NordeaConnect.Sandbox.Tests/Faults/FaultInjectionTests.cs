using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using NordeaConnect.Sandbox.Faults;
using NordeaConnect.Sandbox.Tests.Clock;

namespace NordeaConnect.Sandbox.Tests.Faults;

/// <summary>Fault rules against a real Kestrel app on 127.0.0.1 whose endpoint counts the requests it applied.</summary>
public sealed class FaultInjectionTests : IAsyncLifetime
{
    private readonly AppliedCounter _applied = new();
    private LoopbackApp _app = null!;

    private FaultInjector Injector => _app.Services.GetRequiredService<FaultInjector>();

    public async Task InitializeAsync()
    {
        _app = await LoopbackApp.StartAsync(
            services => services.AddSandboxFaults().AddSingleton(_applied),
            app =>
            {
                app.UseSandboxFaults();
                app.MapPost("/v1/transactions/{id}/refunds", (string id, AppliedCounter applied) =>
                {
                    applied.Increment();
                    return TypedResults.Json(new JsonObject { ["transaction"] = id, ["status"] = "approved" });
                });
                app.MapGet("/v1/transactions/{id}", (string id) => TypedResults.Json(new JsonObject { ["id"] = id }));
                app.MapSandboxFaultEndpoints();
            });
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Without_rules_requests_pass_through()
    {
        var response = await _app.Client.PostAsync("v1/transactions/1/refunds", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, _applied.Count);
    }

    [Fact]
    public async Task A_status_rule_answers_for_its_method_and_path_only()
    {
        Injector.Add(new FaultRuleSpec { Method = "post", Path = "/v1/transactions/*/refunds", Fault = FaultKind.Status, Status = 503 });

        var faulted = await _app.Client.PostAsync("v1/transactions/7/refunds", null);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, faulted.StatusCode);
        Assert.Contains("sandbox fault rule 1", await faulted.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, _applied.Count);

        Assert.Equal(HttpStatusCode.OK, (await _app.Client.GetAsync("v1/transactions/7")).StatusCode);
        Assert.Equal(1, Injector.List().Single().Applied);
    }

    [Fact]
    public async Task A_rule_with_a_count_stops_after_that_many_requests()
    {
        Injector.Add(new FaultRuleSpec { Path = "/v1/**", Fault = FaultKind.Status, Count = 2 });
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add((await _app.Client.PostAsync("v1/transactions/1/refunds", null)).StatusCode);
        }

        Assert.Equal([HttpStatusCode.InternalServerError, HttpStatusCode.InternalServerError, HttpStatusCode.OK, HttpStatusCode.OK], statuses);
        var rule = Injector.List().Single();
        Assert.Equal(2, rule.Applied);
        Assert.True(rule.Exhausted);
    }

    [Fact]
    public async Task Drop_aborts_the_connection_without_applying()
    {
        Injector.Add(new FaultRuleSpec { Method = "POST", Path = "/v1/transactions/*/refunds", Fault = FaultKind.Drop, Count = 1 });
        await Assert.ThrowsAsync<HttpRequestException>(() => _app.Client.PostAsync("v1/transactions/1/refunds", null));
        Assert.Equal(0, _applied.Count);
    }

    [Fact]
    public async Task Apply_then_drop_applies_the_request_but_the_client_never_hears()
    {
        Injector.Add(new FaultRuleSpec { Method = "POST", Path = "/v1/transactions/*/refunds", Fault = FaultKind.ApplyThenDrop, Count = 1 });
        await Assert.ThrowsAsync<HttpRequestException>(() => _app.Client.PostAsync("v1/transactions/1/refunds", null));
        Assert.Equal(1, _applied.Count);

        // The rule is spent: the retry is answered, and the server has now applied the request twice.
        Assert.Equal(HttpStatusCode.OK, (await _app.Client.PostAsync("v1/transactions/1/refunds", null)).StatusCode);
        Assert.Equal(2, _applied.Count);
    }

    [Fact]
    public async Task Hang_holds_the_answer_until_the_client_gives_up_and_does_not_apply()
    {
        Injector.Add(new FaultRuleSpec { Path = "/v1/transactions/*/refunds", Fault = FaultKind.Hang });
        using var impatient = new HttpClient { BaseAddress = _app.Address, Timeout = TimeSpan.FromMilliseconds(300) };
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => impatient.PostAsync("v1/transactions/1/refunds", null));
        Assert.Equal(0, _applied.Count);
    }

    [Fact]
    public async Task Hang_aborts_the_connection_at_its_cap()
    {
        Injector.Add(new FaultRuleSpec { Path = "/v1/transactions/*/refunds", Fault = FaultKind.Hang, HangMilliseconds = 100 });
        await Assert.ThrowsAsync<HttpRequestException>(() => _app.Client.PostAsync("v1/transactions/1/refunds", null));
        Assert.Equal(0, _applied.Count);
    }

    [Fact]
    public async Task Apply_then_hang_applies_the_request_and_withholds_the_answer()
    {
        Injector.Add(new FaultRuleSpec { Path = "/v1/transactions/*/refunds", Fault = FaultKind.ApplyThenHang, HangMilliseconds = 100 });
        await Assert.ThrowsAsync<HttpRequestException>(() => _app.Client.PostAsync("v1/transactions/1/refunds", null));
        Assert.Equal(1, _applied.Count);
    }

    [Fact]
    public async Task Latency_delays_and_then_serves_the_request()
    {
        Injector.Add(new FaultRuleSpec { Path = "/v1/**", Fault = FaultKind.Latency, LatencyMilliseconds = 10, LatencyMaxMilliseconds = 30 });
        Assert.Equal(HttpStatusCode.OK, (await _app.Client.PostAsync("v1/transactions/1/refunds", null)).StatusCode);
        Assert.Equal(1, _applied.Count);
        Assert.Equal(1, Injector.List().Single().Applied);
    }

    [Fact]
    public async Task A_probability_rule_repeats_its_pattern_for_the_same_seed()
    {
        async Task<string> PatternAsync()
        {
            Injector.Clear();
            Injector.Add(new FaultRuleSpec { Path = "/v1/transactions/*", Method = "GET", Fault = FaultKind.Status, Status = 502, Probability = 0.5, Seed = 42 });
            var pattern = new System.Text.StringBuilder();
            for (var i = 0; i < 40; i++)
            {
                pattern.Append((await _app.Client.GetAsync("v1/transactions/1")).IsSuccessStatusCode ? '.' : 'X');
            }

            return pattern.ToString();
        }

        var first = await PatternAsync();
        var second = await PatternAsync();
        Assert.Equal(first, second);
        Assert.Contains('X', first);
        Assert.Contains('.', first);
    }

    [Fact]
    public async Task Sandbox_paths_are_never_faulted()
    {
        Injector.Add(new FaultRuleSpec { Path = "/**", Fault = FaultKind.Drop });
        Assert.Equal(HttpStatusCode.OK, (await _app.Client.GetAsync("_sandbox/faults")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await _app.Client.DeleteAsync("_sandbox/faults")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _app.Client.PostAsync("v1/transactions/1/refunds", null)).StatusCode);
    }

    [Fact]
    public async Task Rules_are_added_listed_and_removed_over_http()
    {
        var created = await _app.Client.PostAsJsonAsync("_sandbox/faults", new JsonObject
        {
            ["method"] = "POST", ["path"] = "/v1/transactions/*/refunds", ["fault"] = "apply_then_drop", ["count"] = 1,
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var rule = await created.Content.ReadFromJsonAsync<JsonObject>();
        var id = rule!["id"]!.GetValue<int>();
        Assert.Equal("apply_then_drop", rule["rule"]!["fault"]!.GetValue<string>());

        await Assert.ThrowsAsync<HttpRequestException>(() => _app.Client.PostAsync("v1/transactions/1/refunds", null));
        var listed = await _app.Client.GetFromJsonAsync<JsonArray>("_sandbox/faults");
        Assert.Equal(1, listed!.Single()!["applied"]!.GetValue<int>());
        Assert.True(listed!.Single()!["exhausted"]!.GetValue<bool>());

        Assert.Equal(HttpStatusCode.NoContent, (await _app.Client.DeleteAsync("_sandbox/faults/" + id)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _app.Client.DeleteAsync("_sandbox/faults/" + id)).StatusCode);
        Assert.Empty((await _app.Client.GetFromJsonAsync<JsonArray>("_sandbox/faults"))!);
    }

    [Theory]
    [InlineData("{\"path\": \"/v1/**\", \"fault\": \"explode\"}", "not valid")]
    [InlineData("{\"path\": \"/v1/**\"}", "not valid")]
    [InlineData("{\"path\": \"/v1/**\", \"fault\": \"drop\", \"colour\": \"red\"}", "not valid")]
    [InlineData("{\"path\": \"v1\", \"fault\": \"drop\"}", "\"path\" must be a pattern starting with '/'")]
    [InlineData("{\"path\": \"/v1/a**\", \"fault\": \"drop\"}", "'**' must be a whole segment")]
    [InlineData("{\"fault\": \"status\", \"status\": 200}", "\"status\" must be from 400 to 599")]
    [InlineData("{\"fault\": \"drop\", \"status\": 500}", "only goes with the fault \"status\"")]
    [InlineData("{\"fault\": \"latency\"}", "needs \"latency_ms\"")]
    [InlineData("{\"fault\": \"latency\", \"latency_ms\": 50, \"latency_max_ms\": 10}", "must not be below it")]
    [InlineData("{\"fault\": \"hang\", \"hang_ms\": -1}", "\"hang_ms\" must be from 0")]
    [InlineData("{\"fault\": \"drop\", \"hang_ms\": 10}", "only goes with the faults \"hang\"")]
    [InlineData("{\"fault\": \"drop\", \"probability\": 1.5}", "\"probability\" must be from 0 to 1")]
    [InlineData("{\"fault\": \"drop\", \"count\": 0}", "\"count\" must be at least 1")]
    [InlineData("{\"fault\": \"drop\", \"method\": \"PO ST\"}", "\"method\" must be an HTTP method")]
    [InlineData("[]", "not valid")]
    [InlineData("null", "must be a JSON object")]
    public async Task Invalid_rules_are_refused_with_the_reason(string body, string reason)
    {
        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        var response = await _app.Client.PostAsync("_sandbox/faults", content);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Contains(reason, error!["description"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(Injector.List());
    }

    [Fact]
    public async Task An_oversized_rule_body_is_refused()
    {
        using var content = new StringContent("{\"fault\": \"drop\", \"path\": \"/" + new string('a', 20_000) + "\"}", System.Text.Encoding.UTF8, "application/json");
        var response = await _app.Client.PostAsync("_sandbox/faults", content);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("at most 8192 bytes", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(Injector.List());
    }

    public sealed class AppliedCounter
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public void Increment() => Interlocked.Increment(ref _count);
    }
}
