using System.Text.Json.Serialization;

namespace NordeaConnect.Sandbox.Clock;

/// <summary>What <c>GET /_sandbox/clock</c> returns.</summary>
public sealed record ClockState(
    [property: JsonPropertyName("now")] DateTimeOffset Now,
    [property: JsonPropertyName("frozen")] bool Frozen);

/// <summary>A refusal from a sandbox-only endpoint: what was wrong, in words a developer can act on.</summary>
public sealed record SandboxEndpointError(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("description")] string Description);

[JsonSerializable(typeof(ClockState))]
[JsonSerializable(typeof(SandboxEndpointError))]
internal sealed partial class ClockJsonContext : JsonSerializerContext;
