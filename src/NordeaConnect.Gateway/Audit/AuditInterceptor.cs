using System.Collections.Concurrent;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.AspNetCore.Authorization;
using NordeaConnect.Contracts;
using NordeaConnect.Gateway.Authentication;

namespace NordeaConnect.Gateway.Audit;

/// <summary>
/// Names the caller of every call to the grains (Orleans RequestContext, which flows from the gRPC handler into the
/// grain calls it makes, where the journal records it) and writes one structured audit event per call that needs the
/// write, refund or admin scope: who, which method on which entity, the idempotency key and the result code.
/// </summary>
internal sealed partial class AuditInterceptor(ILogger<AuditInterceptor> logger) : Interceptor
{
    /// <summary>Each method's policy, read once from its endpoint's metadata instead of on every call.</summary>
    private readonly ConcurrentDictionary<string, string?> _policies = new(StringComparer.Ordinal);

    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(continuation);
        var http = context.GetHttpContext();
        var endpoint = http.GetEndpoint();
        var policy = endpoint is null ? null : _policies.GetOrAdd(context.Method, static (_, endpoint) => PolicyOf(endpoint), endpoint);
        if (policy is GatewayPolicies.Read)
        {
            // A read writes no journal entry, the only place the caller is read from: an empty RequestContext spares
            // every grain call of a read the copy Orleans makes of it.
            return await continuation(request, context);
        }

        var caller = CallerIdentity.Of(http.User);
        if (caller is not null)
        {
            RequestContext.Set(CallerIdentity.RequestContextKey, caller);
        }

        if (policy is null)
        {
            return await continuation(request, context);
        }

        var key = context.RequestHeaders.GetValue(GatewayHeaders.IdempotencyKey) ?? "(none)";
        var entity = EntityIdOf(request as IMessage);
        try
        {
            var response = await continuation(request, context);
            LogAudit(logger, caller ?? "unknown", context.Method, entity, key, ResultCodeOf(response as IMessage) ?? "000.000.000");
            return response;
        }
        catch (RpcException failure)
        {
            LogAudit(logger, caller ?? "unknown", context.Method, entity, key, failure.Trailers.GetValue(ResultTrailers.CodeKey) ?? failure.StatusCode.ToString());
            throw;
        }
    }

    public override Task ServerStreamingServerHandler<TRequest, TResponse>(TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(continuation);
        if (CallerIdentity.Of(context.GetHttpContext().User) is { } caller)
        {
            RequestContext.Set(CallerIdentity.RequestContextKey, caller);
        }

        return continuation(request, responseStream, context);
    }

    /// <summary>The policy the method's endpoint names (the last <c>[Authorize]</c> that names one), or null.</summary>
    private static string? PolicyOf(Endpoint endpoint)
    {
        string? policy = null;
        foreach (var data in endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>())
        {
            policy = data.Policy ?? policy;
        }

        return policy;
    }

    private static string EntityIdOf(IMessage? request) =>
        request?.Descriptor.FindFieldByName("id")?.Accessor.GetValue(request) is { } id ? Convert.ToString(id, System.Globalization.CultureInfo.InvariantCulture) ?? "-" : "-";

    private static string? ResultCodeOf(IMessage? response) =>
        response?.Descriptor.FindFieldByName("result")?.Accessor.GetValue(response) is Grains.V1.Result result ? result.Code : null;

    [LoggerMessage(EventId = 2000, EventName = "Audit", Level = LogLevel.Information, Message = "Audit: {Caller} called {Method} on {EntityId} under idempotency key {IdempotencyKey}: {ResultCode}")]
    private static partial void LogAudit(ILogger logger, string caller, string method, string entityId, string idempotencyKey, string resultCode);
}
