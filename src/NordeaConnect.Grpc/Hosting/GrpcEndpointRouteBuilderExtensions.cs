using Google.Protobuf;
using Google.Protobuf.Reflection;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;
using NordeaConnect.Grpc.Server;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps gRPC services and methods onto ASP.NET Core routing, one endpoint per method.</summary>
public static class GrpcEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Serves every method of <paramref name="service"/> (from <c>XxxReflection.Descriptor.Services</c>) with the
    /// same-named methods of <typeparamref name="TService"/>. Missing or mis-typed methods fail here, at start-up.
    /// </summary>
    public static IEndpointConventionBuilder MapGrpcService<TService>(this IEndpointRouteBuilder endpoints, ServiceDescriptor service)
        where TService : class
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        return MapMethods(endpoints, ServiceMethodBinder.Bind<TService>(service));
    }

    /// <summary>Serves one unary method with a delegate: <c>/{serviceName}/{methodName}</c>.</summary>
    public static IEndpointConventionBuilder MapGrpcUnaryMethod<TRequest, TResponse>(
        this IEndpointRouteBuilder endpoints,
        string serviceName,
        string methodName,
        UnaryServerMethod<TRequest, TResponse> handler)
        where TRequest : IMessage<TRequest>, new()
        where TResponse : IMessage<TResponse>
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(handler);
        ValidateNames(serviceName, methodName);
        var callHandler = new UnaryServerCallHandler<TRequest, TResponse>(serviceName, methodName, new MessageParser<TRequest>(() => new TRequest()), handler);
        return MapMethods(endpoints, [new GrpcMethodEndpoint(serviceName, methodName, callHandler.HandleAsync)]);
    }

    /// <summary>Serves one server-streaming method with a delegate: <c>/{serviceName}/{methodName}</c>.</summary>
    public static IEndpointConventionBuilder MapGrpcServerStreamingMethod<TRequest, TResponse>(
        this IEndpointRouteBuilder endpoints,
        string serviceName,
        string methodName,
        ServerStreamingServerMethod<TRequest, TResponse> handler)
        where TRequest : IMessage<TRequest>, new()
        where TResponse : IMessage<TResponse>
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(handler);
        ValidateNames(serviceName, methodName);
        var callHandler = new ServerStreamingServerCallHandler<TRequest, TResponse>(serviceName, methodName, new MessageParser<TRequest>(() => new TRequest()), handler);
        return MapMethods(endpoints, [new GrpcMethodEndpoint(serviceName, methodName, callHandler.HandleAsync)]);
    }

    private static IEndpointConventionBuilder MapMethods(IEndpointRouteBuilder endpoints, IReadOnlyList<GrpcMethodEndpoint> methods)
    {
        var registry = endpoints.ServiceProvider.GetService<GrpcServiceRegistry>()
            ?? throw new InvalidOperationException("gRPC services are not registered: call services.AddGrpcServer() before mapping gRPC services.");
        var builders = new List<IEndpointConventionBuilder>();
        foreach (var method in methods)
        {
            registry.Add(method.ServiceName, method.MethodName);
            builders.Add(endpoints.Map(method.Path, method.Handler).WithDisplayName("gRPC " + method.Path));
        }

        if (!registry.UnimplementedFallbackMapped)
        {
            registry.UnimplementedFallbackMapped = true;
            // Last in order, so any literal or same-shaped route of the host wins over it.
            endpoints.Map("{unimplementedService}/{unimplementedMethod}", UnimplementedCallHandler.HandleAsync)
                .WithDisplayName("gRPC unimplemented")
                .WithOrder(int.MaxValue);
        }

        return new CompositeConventionBuilder(builders);
    }

    private static void ValidateNames(string serviceName, string methodName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceName);
        ArgumentException.ThrowIfNullOrWhiteSpace(methodName);
        if (serviceName.Contains('/', StringComparison.Ordinal) || methodName.Contains('/', StringComparison.Ordinal))
        {
            throw new ArgumentException($"gRPC service '{serviceName}' and method '{methodName}' names must not contain '/'.");
        }
    }

    private sealed class CompositeConventionBuilder(IReadOnlyList<IEndpointConventionBuilder> builders) : IEndpointConventionBuilder
    {
        public void Add(Action<EndpointBuilder> convention)
        {
            foreach (var builder in builders)
            {
                builder.Add(convention);
            }
        }

        public void Finally(Action<EndpointBuilder> finallyConvention)
        {
            foreach (var builder in builders)
            {
                builder.Finally(finallyConvention);
            }
        }
    }
}
