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

    /// <summary>
    /// The answer after a failed upstream call, from the journal entry as the failure left it: the recorded outcome
    /// when reconciliation settled it (with <paramref name="done"/> when it was carried out), the client's failure
    /// when upstream refused or was unreachable, and 900.900.003 while it is still in doubt.
    /// </summary>
    public static OperationResult<T> AfterFailure<T>(JournalEntry entry, Exception failure, T? done)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return entry.Status switch
        {
            JournalStatus.Done => From(entry.Outcome!, entry.Key, done, replayed: false),
            JournalStatus.NotDone or JournalStatus.Failed when failure is Client.NordeaConnectException { } upstream and not Client.NordeaConnectOutcomeUnknownException =>
                Failed<T>(upstream, entry.Key),
            JournalStatus.NotDone or JournalStatus.Failed => From<T>(entry.Outcome!, entry.Key, default, replayed: false),
            _ => Refused<T>(
                new Refusal(ResultCode.OutcomeUnknown, $"Whether {entry.Operation} was carried out is unknown: {failure.Message} It is reconciled before this grain does anything else; retry with the same key to learn the outcome."),
                entry.Key),
        };
    }

    public static ResultCode SuccessCode(bool test) => test ? ResultCode.TestModeSuccess : ResultCode.Success;
}
