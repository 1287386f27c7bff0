using NordeaConnect.Sandbox.Faults;

namespace NordeaConnect.Sandbox.Tests.Faults;

public sealed class PathPatternTests
{
    [Theory]
    [InlineData("/v1/transactions", "/v1/transactions", true)]
    [InlineData("/v1/transactions", "/v1/transactions/", true)]
    [InlineData("/v1/transactions", "/V1/Transactions", true)]
    [InlineData("/v1/transactions", "/v1/transactions/1", false)]
    [InlineData("/v1/transactions/*/refunds", "/v1/transactions/123/refunds", true)]
    [InlineData("/v1/transactions/*/refunds", "/v1/transactions/123/capture", false)]
    [InlineData("/v1/transactions/*/refunds", "/v1/transactions/refunds", false)]
    [InlineData("/v1/transactions/1*", "/v1/transactions/123", true)]
    [InlineData("/v1/transactions/1*3", "/v1/transactions/123", true)]
    [InlineData("/v1/transactions/1*3", "/v1/transactions/13", true)]
    [InlineData("/v1/transactions/1*3", "/v1/transactions/3", false)]
    [InlineData("/v1/transactions/*a*b*", "/v1/transactions/xaybz", true)]
    [InlineData("/v1/transactions/*a*b*", "/v1/transactions/xbya", false)]
    [InlineData("/v1/**", "/v1", true)]
    [InlineData("/v1/**", "/v1/transactions/1/refunds", true)]
    [InlineData("/v1/**/refunds", "/v1/transactions/1/refunds", true)]
    [InlineData("/v1/**/refunds", "/v1/refunds", true)]
    [InlineData("/v1/**/refunds", "/v1/transactions/1", false)]
    [InlineData("/**", "/", true)]
    [InlineData("/**", "/anything/at/all", true)]
    public void Patterns_match_paths(string pattern, string path, bool expected)
    {
        var injector = new FaultInjector();
        injector.Add(new FaultRuleSpec { Path = pattern, Fault = FaultKind.Drop });
        Assert.Equal(expected, injector.Decide("GET", path) is not null);
    }

    [Fact]
    public void The_first_matching_rule_decides_and_a_passed_chance_falls_through()
    {
        var injector = new FaultInjector();
        injector.Add(new FaultRuleSpec { Path = "/v1/**", Fault = FaultKind.Status, Status = 502, Probability = 0 });
        injector.Add(new FaultRuleSpec { Path = "/v1/**", Fault = FaultKind.Status, Status = 503 });
        Assert.Equal(503, injector.Decide("GET", "/v1/x")!.StatusCode);
        Assert.Equal([0, 1], injector.List().Select(rule => rule.Applied));
    }

    [Fact]
    public void Latency_ranges_are_drawn_from_the_seeded_source()
    {
        static List<TimeSpan> Draw()
        {
            var injector = new FaultInjector();
            injector.Add(new FaultRuleSpec { Path = "/**", Fault = FaultKind.Latency, LatencyMilliseconds = 10, LatencyMaxMilliseconds = 1000, Seed = 9 });
            return [.. Enumerable.Range(0, 20).Select(_ => injector.Decide("GET", "/")!.Latency)];
        }

        var first = Draw();
        Assert.Equal(first, Draw());
        Assert.All(first, latency => Assert.InRange(latency, TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(1000)));
        Assert.True(first.Distinct().Count() > 1);
    }

    [Fact]
    public void Concurrent_decisions_never_exceed_a_rule_count()
    {
        var injector = new FaultInjector();
        injector.Add(new FaultRuleSpec { Path = "/**", Fault = FaultKind.Drop, Count = 100 });
        var faulted = 0;
        Parallel.For(0, 1000, _ =>
        {
            if (injector.Decide("POST", "/v1/x") is not null)
            {
                Interlocked.Increment(ref faulted);
            }
        });
        Assert.Equal(100, faulted);
    }
}
