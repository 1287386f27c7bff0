using System.Collections.Frozen;
using Grpc.Core;
using NordeaConnect.Primitives;

namespace NordeaConnect.Gateway.Results;

/// <summary>Which gRPC status a result code travels with: the one place this decision is made.</summary>
public static class ResultStatusCodes
{
    // Every upstream error of the reference's table already says its status; a result code names one row.
    private static readonly FrozenDictionary<string, GrpcStatusCode> UpstreamRows = UpstreamErrorTable.All
        .GroupBy(e => e.ResultCode.Value, StringComparer.Ordinal)
        .ToFrozenDictionary(g => g.Key, g => g.First().GrpcStatus, StringComparer.Ordinal);

    public static StatusCode For(ResultCode code)
    {
        if (code.IsSuccess)
        {
            return StatusCode.OK;
        }

        if (UpstreamRows.TryGetValue(code.Value, out var fromTable))
        {
            return (StatusCode)(int)fromTable;
        }

        return code.Kind switch
        {
            ResultCodeKind.GatewayRefused => ForRefusal(code),
            ResultCodeKind.UpstreamValidation when code == ResultCode.UpstreamNotFound => StatusCode.NotFound,
            ResultCodeKind.UpstreamValidation => StatusCode.InvalidArgument,
            ResultCodeKind.Declined => StatusCode.FailedPrecondition,
            _ => ForSystemTrouble(code),
        };
    }

    private static StatusCode ForRefusal(ResultCode code)
    {
        if (code == ResultCode.NotFound)
        {
            return StatusCode.NotFound;
        }

        if (code == ResultCode.Unauthenticated)
        {
            return StatusCode.Unauthenticated;
        }

        if (code == ResultCode.PermissionDenied)
        {
            return StatusCode.PermissionDenied;
        }

        if (code == ResultCode.IdempotencyKeyReused)
        {
            // The key names an earlier, different request: the caller must pick a new key, not retry.
            return StatusCode.AlreadyExists;
        }

        return code.Value.AsSpan(4, 3) switch
        {
            "200" => StatusCode.FailedPrecondition,
            _ => StatusCode.InvalidArgument,
        };
    }

    private static StatusCode ForSystemTrouble(ResultCode code)
    {
        if (code == ResultCode.UpstreamTimeout)
        {
            return StatusCode.DeadlineExceeded;
        }

        if (code == ResultCode.UpstreamUnavailable)
        {
            return StatusCode.Unavailable;
        }

        if (code == ResultCode.OutcomeUnknown)
        {
            // Not UNAVAILABLE: that invites a blind retry, and the write may have happened. Read the entity back.
            return StatusCode.Unknown;
        }

        // Wrong merchant credentials or a bug inside the gateway: retrying will not help.
        return StatusCode.Internal;
    }
}
