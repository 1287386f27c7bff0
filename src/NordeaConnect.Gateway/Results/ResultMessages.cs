using NordeaConnect.Client;
using NordeaConnect.Grains.V1;
using NordeaConnect.Primitives;

namespace NordeaConnect.Gateway.Results;

/// <summary>Builds the <c>result</c> every response carries.</summary>
public static class ResultMessages
{
    public static Result Success(ResultCode code)
    {
        if (!code.IsSuccess)
        {
            throw new ArgumentException($"{code} is not a success code; build failures with Refusal or FromUpstream.", nameof(code));
        }

        return new Result { Code = code.Value, Description = ResultDescriptions.For(code) };
    }

    public static Result Refusal(GatewayRefusalException refusal)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        return new Result { Code = refusal.Code.Value, Description = refusal.Message };
    }

    public static Result Of(ResultCode code, string? description = null) =>
        new() { Code = code.Value, Description = string.IsNullOrWhiteSpace(description) ? ResultDescriptions.For(code) : description };

    /// <summary>
    /// The result of a failed upstream call: its result code, and Nordea Connect's error object unchanged when it sent
    /// one. The description is the upstream's own (in the request's locale) when present.
    /// </summary>
    public static Result FromUpstream(NordeaConnectException failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        var result = Of(failure.ResultCode, failure.UpstreamError?.Description);
        if (failure.UpstreamError is { } error)
        {
            result.UpstreamError = ToMessage(error, failure.StatusCode is { } status ? (int)status : 0);
        }

        return result;
    }

    public static Grains.V1.UpstreamError ToMessage(UpstreamErrorBody error, int httpStatus)
    {
        ArgumentNullException.ThrowIfNull(error);
        return new Grains.V1.UpstreamError
        {
            Name = error.Name ?? string.Empty,
            Code = error.Code ?? 0,
            Description = error.Description ?? string.Empty,
            HttpStatus = httpStatus,
        };
    }
}
