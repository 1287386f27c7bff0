using System.Globalization;
using Google.Protobuf;
using Grpc.Core;
using NordeaConnect.Contracts;
using NordeaConnect.Gateway.Results;
using NordeaConnect.Grains.V1;

namespace NordeaConnect.Gateway.Facade;

/// <summary>gRPC answers written by plain ASP.NET Core code, before or after Grpc.AspNetCore has run.</summary>
internal static class GrpcAnswers
{
    public const string StatusKey = "grpc-status";
    public const string MessageKey = "grpc-message";

    public static bool IsGrpc(HttpRequest request) =>
        request.ContentType?.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase) == true;

    /// <summary>A Trailers-Only failure: HTTP 200, content-type application/grpc, the status and result in headers.</summary>
    public static void WriteTrailersOnly(HttpResponse response, Result result, StatusCode status, string? field = null)
    {
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/grpc";
        WriteStatus(response.Headers, result, status, field);
    }

    /// <summary>Sets the status, message, result code and status details in <paramref name="headers"/> (headers or trailers).</summary>
    public static void WriteStatus(IHeaderDictionary headers, Result result, StatusCode status, string? field = null)
    {
        var message = ResultFailures.HumanReadable(result);
        headers[StatusKey] = ((int)status).ToString(CultureInfo.InvariantCulture);
        headers[MessageKey] = Uri.EscapeDataString(message);
        headers[ResultTrailers.CodeKey] = result.Code;
        headers[ResultTrailers.ResultKey] = Convert.ToBase64String(result.ToByteArray());
        headers[ResultTrailers.StatusDetailsKey] = Convert.ToBase64String(ResultFailures.ToStatus(result, status, message, field).ToByteArray());
    }
}
