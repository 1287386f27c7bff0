using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using NordeaConnect.Contracts;
using NordeaConnect.Gateway.Observability.Correlation;
using NordeaConnect.Grains.V1;
using NordeaConnect.Primitives;
using GrpcStatus = Grpc.Core.Status;
using RpcStatus = Google.Rpc.Status;

namespace NordeaConnect.Gateway.Results;

/// <summary>
/// Turns a failed call's <see cref="Result"/> into the status and trailers the caller receives: <c>nc-result-code</c>
/// and <c>nc-result-bin</c>, and a standard <c>google.rpc.Status</c> in <c>grpc-status-details-bin</c> with an
/// <c>ErrorInfo</c> (reason = the result code) and, for invalid arguments, a <c>BadRequest</c> field violation.
/// </summary>
public static class ResultFailures
{
    public static RpcException ToRpcException(Result result, string? field = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        var code = ResultCode.Parse(result.Code);
        var status = ResultStatusCodes.For(code);
        var message = HumanReadable(result);
        var trailers = new Metadata();
        ResultTrailers.Write(trailers, result);
        trailers.Add(ResultTrailers.StatusDetailsKey, ToStatus(result, status, message, field).ToByteArray());
        return new RpcException(new GrpcStatus(status, message), trailers, message);
    }

    /// <summary>The <c>google.rpc.Status</c> of a failed call, with the details callers unpack with stock helpers.</summary>
    public static RpcStatus ToStatus(Result result, StatusCode status, string message, string? field = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        var info = new ErrorInfo { Reason = result.Code, Domain = ResultTrailers.ErrorDomain };
        info.Metadata.Add("description", result.Description);
        if (CallCorrelation.Current is { } correlationId)
        {
            info.Metadata.Add("correlation_id", correlationId);
        }

        if (result.UpstreamError is { } upstream)
        {
            info.Metadata.Add("upstream_error_name", upstream.Name);
            info.Metadata.Add("upstream_error_code", upstream.Code.ToString(System.Globalization.CultureInfo.InvariantCulture));
            info.Metadata.Add("upstream_http_status", upstream.HttpStatus.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        var rpcStatus = new RpcStatus { Code = (int)status, Message = message };
        rpcStatus.Details.Add(Any.Pack(info));
        if (status == StatusCode.InvalidArgument)
        {
            var badRequest = new BadRequest();
            badRequest.FieldViolations.Add(new BadRequest.Types.FieldViolation { Field = field ?? string.Empty, Description = result.Description });
            rpcStatus.Details.Add(Any.Pack(badRequest));
        }

        return rpcStatus;
    }

    /// <summary>The <c>grpc-message</c>: the description with the code, e.g. "The amount is invalid (result 100.100.002)".</summary>
    public static string HumanReadable(Result result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var text = result.Description + " (result " + result.Code;
        if (result.UpstreamError is { Name.Length: > 0 } upstream)
        {
            text += ", Nordea Connect error " + upstream.Name;
        }

        return text + ")";
    }
}
