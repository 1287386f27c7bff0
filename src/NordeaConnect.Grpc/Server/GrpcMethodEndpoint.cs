using Microsoft.AspNetCore.Http;

namespace NordeaConnect.Grpc.Server;

/// <summary>One bound method: the route it answers (<c>/Service/Method</c>) and the delegate serving it.</summary>
internal sealed record GrpcMethodEndpoint(string ServiceName, string MethodName, RequestDelegate Handler)
{
    public string Path => "/" + ServiceName + "/" + MethodName;
}
