using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using NordeaConnect.Grpc.Wire;

namespace NordeaConnect.Grpc.Server;

/// <summary>Answers gRPC calls to paths no service handles with UNIMPLEMENTED (Trailers-Only).</summary>
internal static class UnimplementedCallHandler
{
    public static async Task HandleAsync(HttpContext httpContext)
    {
        if (!GrpcHeaderNames.IsGrpcContentType(httpContext.Request.ContentType))
        {
            // Not a gRPC request: this route only exists for gRPC, so to anyone else the path is simply not here.
            httpContext.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        if (!GrpcRequestValidation.TryAccept(httpContext, out _, out _))
        {
            return;
        }

        var serviceName = httpContext.Request.RouteValues["unimplementedService"] as string ?? string.Empty;
        var methodName = httpContext.Request.RouteValues["unimplementedMethod"] as string ?? string.Empty;
        var registry = httpContext.RequestServices.GetRequiredService<GrpcServiceRegistry>();
        var detail = registry.IsServiceMapped(serviceName)
            ? $"Method '{methodName}' is not implemented by service '{serviceName}'."
            : $"Service '{serviceName}' is not implemented.";
        using var context = new HttpServerCallContext(httpContext, serviceName, methodName, timeout: null, requestHeaders: []);
        await context.CompleteAsync(new Status(StatusCode.Unimplemented, detail)).ConfigureAwait(false);
    }
}
