using NordeaConnect.Contracts;
using NordeaConnect.Grains.V1;
using NordeaConnect.Grpc;
using NordeaConnect.Primitives;

namespace NordeaConnect.Gateway.Results;

/// <summary>Turns a failed call's <see cref="Result"/> into the status and trailers the caller receives.</summary>
public static class ResultFailures
{
    public static RpcException ToRpcException(Result result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var code = ResultCode.Parse(result.Code);
        var trailers = new Metadata();
        ResultTrailers.Write(trailers, result);
        return new RpcException(new Status(ResultStatusCodes.For(code), HumanReadable(result)), trailers);
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
