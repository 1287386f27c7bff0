namespace NordeaConnect.Grpc.Wire;

/// <summary>Header names and values of gRPC over HTTP/2 (grpc/doc/PROTOCOL-HTTP2.md).</summary>
internal static class GrpcHeaderNames
{
    public const string ContentType = "content-type";
    public const string GrpcContentType = "application/grpc";
    public const string Te = "te";
    public const string TeTrailers = "trailers";
    public const string Timeout = "grpc-timeout";
    public const string Encoding = "grpc-encoding";
    public const string AcceptEncoding = "grpc-accept-encoding";
    public const string Status = "grpc-status";
    public const string Message = "grpc-message";
    public const string UserAgent = "user-agent";

    /// <summary>
    /// Headers that belong to the protocol rather than to the application, so they are not surfaced as metadata
    /// and an application cannot set them as metadata.
    /// </summary>
    public static bool IsReserved(string name) =>
        name.StartsWith(':')
        || name.Equals(ContentType, StringComparison.OrdinalIgnoreCase)
        || name.Equals(Te, StringComparison.OrdinalIgnoreCase)
        || name.Equals("host", StringComparison.OrdinalIgnoreCase)
        || name.Equals("content-length", StringComparison.OrdinalIgnoreCase)
        || name.Equals("connection", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("grpc-", StringComparison.OrdinalIgnoreCase);

    /// <summary>True for <c>application/grpc</c> and its <c>+proto</c>/custom suffix forms, with optional parameters.</summary>
    public static bool IsGrpcContentType(string? contentType)
    {
        if (string.IsNullOrEmpty(contentType) || !contentType.StartsWith(GrpcContentType, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        if (contentType.Length == GrpcContentType.Length)
        {
            return true;
        }

        var next = contentType[GrpcContentType.Length];
        return next is '+' or ';';
    }
}
