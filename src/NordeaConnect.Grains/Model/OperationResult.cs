using NordeaConnect.Primitives;

namespace NordeaConnect.Grains;

/// <summary>
/// What a grain operation came to: a result code (<c>000</c> success, <c>100</c> refused before any upstream call,
/// <c>200</c>/<c>800</c> refused by upstream, <c>900</c> trouble), a description fit for the caller, and the entity
/// when there is one. <see cref="Replayed"/> says the outcome came from the journal, not from a new upstream call.
/// </summary>
public sealed record OperationResult<T>
{
    public required ResultCode Code { get; init; }

    public required string Description { get; init; }

    public T? Value { get; init; }

    public UpstreamFailure? UpstreamError { get; init; }

    /// <summary>The idempotency key the operation ran under: the caller's, or the one generated for it.</summary>
    public required string IdempotencyKey { get; init; }

    public bool Replayed { get; init; }

    [System.Text.Json.Serialization.JsonIgnore]
    public bool Succeeded => Code.IsSuccess;
}
