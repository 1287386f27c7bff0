namespace NordeaConnect.Sandbox.Faults;

/// <summary>
/// The fault rules in force. Rules are tried in the order they were added; the first that matches a request and
/// still has applications left decides, after rolling its probability on its own seeded random source, so a
/// given sequence of requests meets the same faults on every run. Thread-safe.
/// </summary>
public sealed class FaultInjector
{
    private static readonly TimeSpan DefaultHangCap = TimeSpan.FromMinutes(5);

    private readonly Lock _gate = new();
    private readonly List<ActiveRule> _rules = [];
    private int _nextId = 1;

    /// <summary>Adds a rule and returns it with its id.</summary>
    /// <exception cref="ArgumentException">The spec is invalid; the message names the field.</exception>
    public FaultRule Add(FaultRuleSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        spec.Validate();
        lock (_gate)
        {
            var id = _nextId++;
            var rule = new ActiveRule(id, spec, new Random(spec.Seed ?? id));
            _rules.Add(rule);
            return rule.Snapshot();
        }
    }

    /// <summary>Every rule, in the order they are tried.</summary>
    public IReadOnlyList<FaultRule> List()
    {
        lock (_gate)
        {
            return [.. _rules.Select(rule => rule.Snapshot())];
        }
    }

    /// <summary>Removes one rule; false if there is none with that id.</summary>
    public bool Remove(int id)
    {
        lock (_gate)
        {
            return _rules.RemoveAll(rule => rule.Id == id) > 0;
        }
    }

    /// <summary>Removes every rule. Ids keep counting up, so an old id never names a new rule.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _rules.Clear();
        }
    }

    /// <summary>The fault for a request, or null to serve it normally. Counts the application against the rule.</summary>
    public FaultDecision? Decide(string method, string path)
    {
        lock (_gate)
        {
            foreach (var rule in _rules)
            {
                if (rule.IsExhausted || !rule.Matches(method, path))
                {
                    continue;
                }

                // Only matching rules draw from their random source, so other traffic cannot shift a rule's pattern.
                // A rule that passes on its chance lets the next matching rule have its say.
                if (rule.Spec.Probability is { } probability && rule.Random.NextDouble() >= probability)
                {
                    continue;
                }

                rule.Applied++;
                var latency = rule.Spec.LatencyMilliseconds is { } min
                    ? TimeSpan.FromMilliseconds(rule.Spec.LatencyMaxMilliseconds is { } max && max > min ? rule.Random.Next(min, max + 1) : min)
                    : TimeSpan.Zero;
                return new FaultDecision(
                    rule.Id,
                    rule.Spec.Fault,
                    latency,
                    rule.Spec.Status ?? 500,
                    rule.Spec.HangMilliseconds is { } hang ? TimeSpan.FromMilliseconds(hang) : DefaultHangCap);
            }

            return null;
        }
    }

    private sealed class ActiveRule(int id, FaultRuleSpec spec, Random random)
    {
        public int Id => id;

        public FaultRuleSpec Spec => spec;

        public Random Random => random;

        public int Applied { get; set; }

        public bool IsExhausted => spec.Count is { } count && Applied >= count;

        public bool Matches(string method, string path) =>
            (spec.Method is null or "*" || string.Equals(spec.Method, method, StringComparison.OrdinalIgnoreCase))
            && (spec.Path is null || PathPattern.Matches(spec.Path, path));

        public FaultRule Snapshot() => new(id, spec, Applied, IsExhausted);
    }
}
