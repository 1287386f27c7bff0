using NordeaConnect.Primitives;

namespace NordeaConnect.Grains;

/// <summary>Builds <see cref="OperationResult{T}"/>s.</summary>
internal static class OperationResults
{
    public static OperationResult<T> Refused<T>(Refusal refusal, string idempotencyKey, T? value = default) => new()
    {
        Code = refusal.Code,
        Description = refusal.Description,
        IdempotencyKey = idempotencyKey,
        Value = value,
    };

    public static OperationResult<T> From<T>(JournalOutcome outcome, string idempotencyKey, T? value, bool replayed) => new()
    {
        Code = outcome.Code,
        Description = outcome.Description,
        UpstreamError = outcome.UpstreamError,
        IdempotencyKey = idempotencyKey,
        Value = value,
        Replayed = replayed,
    };

    public static OperationResult<T> Read<T>(T value, bool test) => new()
    {
        Code = test ? ResultCode.TestModeSuccess : ResultCode.Success,
        Description = "OK",
        IdempotencyKey = string.Empty,
        Value = value,
    };

    public static OperationResult<T> Failed<T>(Client.NordeaConnectException failure, string idempotencyKey, T? value = default) => new()
    {
        Code = failure.ResultCode,
        Description = UpstreamFailures.Describe(failure),
        UpstreamError = UpstreamFailures.From(failure),
        IdempotencyKey = idempotencyKey,
        Value = value,
    };

    public static ResultCode SuccessCode(bool test) => test ? ResultCode.TestModeSuccess : ResultCode.Success;
}
