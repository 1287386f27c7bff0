using System.Globalization;
using System.Text.Json.Serialization;

namespace NordeaConnect.Sandbox.Faults;

/// <summary>
/// What a caller asks for: which requests (method and path pattern) and what happens to them. The body of
/// <c>POST /_sandbox/faults</c>, e.g. <c>{"method":"POST","path":"/v1/transactions/*/refunds","fault":"apply_then_drop","count":1}</c>.
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record FaultRuleSpec
{
    /// <summary>The longest hang or added latency a rule may ask for.</summary>
    public static readonly TimeSpan MaximumDelay = TimeSpan.FromHours(1);

    /// <summary>HTTP method to match (any case), or null / "*" for every method.</summary>
    [JsonPropertyName("method")]
    public string? Method { get; init; }

    /// <summary>
    /// Path pattern, matched case-insensitively against the request path (the query is ignored): <c>*</c> matches
    /// within one segment, a <c>**</c> segment matches any number of segments. E.g. <c>/v1/transactions/*/refunds</c>, <c>/v1/**</c>.
    /// </summary>
    [JsonPropertyName("path")]
    public string Path { get; init; } = "/**";

    /// <summary>What happens to a matching request.</summary>
    [JsonPropertyName("fault")]
    public required FaultKind Fault { get; init; }

    /// <summary>Status code for <see cref="FaultKind.Status"/>: 400 to 599, default 500.</summary>
    [JsonPropertyName("status")]
    public int? Status { get; init; }

    /// <summary>Latency added before the fault (any kind), in milliseconds.</summary>
    [JsonPropertyName("latency_ms")]
    public int? LatencyMilliseconds { get; init; }

    /// <summary>With <see cref="LatencyMilliseconds"/>: the latency is drawn uniformly from that value to this one.</summary>
    [JsonPropertyName("latency_max_ms")]
    public int? LatencyMaxMilliseconds { get; init; }

    /// <summary>How long a hang lasts before the connection is aborted, in milliseconds. Default 300,000 (five minutes).</summary>
    [JsonPropertyName("hang_ms")]
    public int? HangMilliseconds { get; init; }

    /// <summary>Chance, from 0 to 1, that a matching request is faulted. Default 1.</summary>
    [JsonPropertyName("probability")]
    public double? Probability { get; init; }

    /// <summary>How many requests the rule faults before it stops applying. Null for no limit.</summary>
    [JsonPropertyName("count")]
    public int? Count { get; init; }

    /// <summary>Seed for this rule's random choices (probability and latency range), so runs repeat. Default: the rule's number.</summary>
    [JsonPropertyName("seed")]
    public int? Seed { get; init; }

    /// <summary>Checks the spec and throws <see cref="ArgumentException"/> naming the first field that is wrong.</summary>
    public void Validate()
    {
        if (Method is not null && Method != "*" && (Method.Length is 0 or > 16 || !Method.All(char.IsAsciiLetter)))
        {
            throw new ArgumentException("\"method\" must be an HTTP method such as POST, or \"*\" for any method.", nameof(Method));
        }

        if (Path is not null)
        {
            PathPattern.Validate(Path);
        }
        if (!Enum.IsDefined(Fault))
        {
            throw new ArgumentException("\"fault\" must be latency, status, drop, hang, apply_then_drop or apply_then_hang.", nameof(Fault));
        }

        if (Status is { } status && (status is < 400 or > 599 || Fault != FaultKind.Status))
        {
            throw new ArgumentException("\"status\" must be from 400 to 599, and only goes with the fault \"status\".", nameof(Status));
        }

        RequireDelay(LatencyMilliseconds, "latency_ms");
        RequireDelay(LatencyMaxMilliseconds, "latency_max_ms");
        RequireDelay(HangMilliseconds, "hang_ms");
        if (LatencyMaxMilliseconds is { } max && (LatencyMilliseconds is not { } min || max < min))
        {
            throw new ArgumentException("\"latency_max_ms\" needs \"latency_ms\" and must not be below it.", nameof(LatencyMaxMilliseconds));
        }

        if (Fault == FaultKind.Latency && LatencyMilliseconds is null)
        {
            throw new ArgumentException("The fault \"latency\" needs \"latency_ms\".", nameof(LatencyMilliseconds));
        }

        if (HangMilliseconds is not null && Fault is not (FaultKind.Hang or FaultKind.ApplyThenHang))
        {
            throw new ArgumentException("\"hang_ms\" only goes with the faults \"hang\" and \"apply_then_hang\".", nameof(HangMilliseconds));
        }

        if (Probability is { } probability && (double.IsNaN(probability) || probability is < 0 or > 1))
        {
            throw new ArgumentException("\"probability\" must be from 0 to 1.", nameof(Probability));
        }

        if (Count is < 1)
        {
            throw new ArgumentException("\"count\" must be at least 1 (leave it out for no limit).", nameof(Count));
        }
    }

    private static void RequireDelay(int? milliseconds, string field)
    {
        if (milliseconds is { } value && (value < 0 || value > MaximumDelay.TotalMilliseconds))
        {
            throw new ArgumentException(
                "\"" + field + "\" must be from 0 to " + MaximumDelay.TotalMilliseconds.ToString(CultureInfo.InvariantCulture) + " milliseconds.",
                field);
        }
    }
}
