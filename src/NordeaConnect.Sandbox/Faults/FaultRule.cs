using System.Text.Json.Serialization;

namespace NordeaConnect.Sandbox.Faults;

/// <summary>A fault rule as stored and listed: the spec, its id, and how often it has been applied.</summary>
public sealed record FaultRule(
    [property: JsonPropertyName("id")] int Id,
    [property: JsonPropertyName("rule")] FaultRuleSpec Spec,
    [property: JsonPropertyName("applied")] int Applied,
    [property: JsonPropertyName("exhausted")] bool Exhausted);

/// <summary>What the middleware does to one request: wait <see cref="Latency"/>, then act on <see cref="Kind"/>.</summary>
public sealed record FaultDecision(int RuleId, FaultKind Kind, TimeSpan Latency, int StatusCode, TimeSpan HangCap);
