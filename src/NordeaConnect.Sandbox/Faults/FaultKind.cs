using System.Text.Json.Serialization;

namespace NordeaConnect.Sandbox.Faults;

/// <summary>What a fault rule does to a matching request.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<FaultKind>))]
public enum FaultKind
{
    /// <summary>Only the rule's latency is added; the request is then served normally.</summary>
    [JsonStringEnumMemberName("latency")]
    Latency,

    /// <summary>Answered with the rule's status code (5xx by default) without reaching the endpoint.</summary>
    [JsonStringEnumMemberName("status")]
    Status,

    /// <summary>The connection is aborted without an answer and without reaching the endpoint.</summary>
    [JsonStringEnumMemberName("drop")]
    Drop,

    /// <summary>No answer until the hang cap passes (then the connection is aborted) or the client gives up.</summary>
    [JsonStringEnumMemberName("hang")]
    Hang,

    /// <summary>The endpoint runs and its effects stay, but the connection is aborted instead of answering: the client never hears.</summary>
    [JsonStringEnumMemberName("apply_then_drop")]
    ApplyThenDrop,

    /// <summary>The endpoint runs and its effects stay, but the answer is withheld until the hang cap or the client gives up.</summary>
    [JsonStringEnumMemberName("apply_then_hang")]
    ApplyThenHang,
}
