using NordeaConnect.Gateway.Results;
using NordeaConnect.Grains;
using NordeaConnect.Primitives;
using V1 = NordeaConnect.Grains.V1;

namespace NordeaConnect.Gateway.Mapping;

/// <summary>A grain's <see cref="OperationResult{T}"/>: the value when it succeeded, otherwise its result for the caller.</summary>
public static class GrainResults
{
    public static T Unwrap<T>(OperationResult<T> outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        if (outcome.Succeeded && outcome.Value is { } value)
        {
            return value;
        }

        if (outcome.Succeeded)
        {
            throw new InvalidOperationException($"A grain reported success ({outcome.Code}) without a value.");
        }

        throw new OperationFailedException(ToResult(outcome.Code, outcome.Description, outcome.UpstreamError));
    }

    public static V1.Result ToResult(ResultCode code, string description, UpstreamFailure? upstream)
    {
        var result = ResultMessages.Of(code, description);
        if (upstream is not null)
        {
            result.UpstreamError = upstream.ToMessage();
        }

        return result;
    }

    public static V1.UpstreamError ToMessage(this UpstreamFailure upstream)
    {
        ArgumentNullException.ThrowIfNull(upstream);
        return new V1.UpstreamError
        {
            Name = upstream.Name ?? string.Empty,
            Code = upstream.Code ?? 0,
            Description = upstream.Description ?? string.Empty,
            HttpStatus = upstream.HttpStatus ?? 0,
        };
    }

    /// <summary>The change info of a grain's state; a state no grain counted (none should reach here) shows version 0.</summary>
    public static V1.ChangeInfo ToMessage(this EntityChange? change) =>
        change is null ? new V1.ChangeInfo { Version = 0, Reason = string.Empty } : new V1.ChangeInfo { Version = change.Version, Reason = change.Reason };
}
