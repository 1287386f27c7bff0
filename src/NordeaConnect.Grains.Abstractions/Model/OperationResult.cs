using NordeaConnect.Primitives;

namespace NordeaConnect.Grains;

/// <summary>
/// What a grain operation came to: a result code (<c>000</c> success, <c>100</c> refused before any upstream call,
/// <c>200</c>/<c>800</c> refused by upstream, <c>900</c> trouble), a description fit for the caller, and the entity
/// when there is one. <see cref="Replayed"/> says the outcome came from the journal, not from a new upstream call.
/// </summary>
[GenerateSerializer, Immutable, Alias("nordeaconnect.OperationResult`1")]
public sealed record OperationResult<T>
{
    [Id(0)]
    public required ResultCode Code { get; init; }

    [Id(1)]
    public required string Description { get; init; }

    [Id(2)]
    public T? Value { get; init; }

    [Id(3)]
    public UpstreamFailure? UpstreamError { get; init; }

    /// <summary>The idempotency key the operation ran under: the caller's, or the one generated for it.</summary>
    [Id(4)]
    public required string IdempotencyKey { get; init; }

    [Id(5)]
    public bool Replayed { get; init; }

    [System.Text.Json.Serialization.JsonIgnore]
    public bool Succeeded => Code.IsSuccess;
}
