using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using NordeaConnect.Sandbox.Clock;

namespace NordeaConnect.Sandbox.Tests.Clock;

public sealed class ClockEndpointTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2030, 1, 31, 12, 0, 0, TimeSpan.Zero);
    private LoopbackApp _app = null!;

    public async Task InitializeAsync()
    {
        _app = await LoopbackApp.StartAsync(
            services => services
                .AddSandboxClock(o => { o.StartAt = Start; o.StartFrozen = true; })
                .AddSandboxClockListener<RecordingListener>(),
            app => app.MapSandboxClockEndpoints());
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Get_shows_the_current_sandbox_time()
    {
        var state = await _app.Client.GetFromJsonAsync<JsonObject>("_sandbox/clock");
        Assert.Equal(Start, state!["now"]!.GetValue<DateTimeOffset>());
        Assert.True(state["frozen"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Advancing_by_seconds_moves_the_clock_and_runs_listeners_before_answering()
    {
        var response = await _app.Client.PostAsJsonAsync("_sandbox/clock", new { seconds = 86400 });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var state = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal(Start.AddDays(1), state!["now"]!.GetValue<DateTimeOffset>());
        Assert.Contains(Start.AddDays(1), _app.Services.GetRequiredService<RecordingListener>().Instants);
        Assert.Equal(Start.AddDays(1), _app.Services.GetRequiredService<TimeProvider>().GetUtcNow());
    }

    [Fact]
    public async Task Setting_to_an_instant_moves_the_clock_there()
    {
        var response = await _app.Client.PostAsJsonAsync("_sandbox/clock", new { to = "2030-03-01T00:00:00Z" });
        var state = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal(new DateTimeOffset(2030, 3, 1, 0, 0, 0, TimeSpan.Zero), state!["now"]!.GetValue<DateTimeOffset>());
    }

    [Fact]
    public async Task Freeze_false_lets_the_clock_run()
    {
        var response = await _app.Client.PostAsJsonAsync("_sandbox/clock", new { freeze = false });
        var state = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.False(state!["frozen"]!.GetValue<bool>());
        Assert.False(_app.Services.GetRequiredService<SandboxClock>().IsFrozen);
    }

    [Theory]
    [InlineData("{\"seconds\": -5}", "\"seconds\" must be a number")]
    [InlineData("{\"seconds\": \"10\"}", "\"seconds\" must be a number")]
    [InlineData("{\"to\": \"yesterday\"}", "\"to\" must be an ISO 8601")]
    [InlineData("{\"to\": \"2001-01-01T00:00:00Z\"}", "cannot be set to an instant before")]
    [InlineData("{\"seconds\": 1, \"to\": \"2031-01-01T00:00:00Z\"}", "either \"seconds\" or \"to\"")]
    [InlineData("{\"minutes\": 1}", "Unknown field \"minutes\"")]
    [InlineData("{}", "Give \"seconds\"")]
    [InlineData("[1]", "must be a JSON object")]
    [InlineData("{\"seconds\": ", "not valid JSON")]
    [InlineData("{\"freeze\": \"yes\"}", "\"freeze\" must be true or false")]
    public async Task Bad_requests_are_refused_with_a_reason_and_leave_the_clock_alone(string body, string reason)
    {
        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        var response = await _app.Client.PostAsync("_sandbox/clock", content);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Contains(reason, error!["description"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(Start, _app.Services.GetRequiredService<SandboxClock>().GetUtcNow());
    }

    [Fact]
    public async Task An_oversized_body_is_refused()
    {
        using var content = new StringContent("{\"seconds\": 1" + new string(' ', 10_000) + "}", System.Text.Encoding.UTF8, "application/json");
        var response = await _app.Client.PostAsync("_sandbox/clock", content);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    public sealed class RecordingListener : IClockListener
    {
        private readonly List<DateTimeOffset> _instants = [];

        public IReadOnlyList<DateTimeOffset> Instants
        {
            get
            {
                lock (_instants)
                {
                    return [.. _instants];
                }
            }
        }

        public Task OnClockMovedAsync(DateTimeOffset now, CancellationToken cancellationToken)
        {
            lock (_instants)
            {
                _instants.Add(now);
            }

            return Task.CompletedTask;
        }
    }
}
