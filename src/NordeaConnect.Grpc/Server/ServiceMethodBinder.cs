using System.Reflection;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;

namespace NordeaConnect.Grpc.Server;

/// <summary>
/// Binds the methods of a proto service to the same-named methods of a C# class (the name, or the name with
/// "Async"), checking every signature at start-up so a typo fails the host's start, not a caller's request.
/// </summary>
internal static class ServiceMethodBinder
{
    public static IReadOnlyList<GrpcMethodEndpoint> Bind<TService>(ServiceDescriptor service)
        where TService : class
    {
        ArgumentNullException.ThrowIfNull(service);
        var activator = new ServiceActivator<TService>();
        var endpoints = new List<GrpcMethodEndpoint>();
        var problems = new List<string>();
        foreach (var method in service.Methods)
        {
            try
            {
                endpoints.Add(BindMethod<TService>(method, activator));
            }
            catch (InvalidOperationException ex)
            {
                problems.Add(ex.Message);
            }
        }

        if (problems.Count > 0)
        {
            throw new InvalidOperationException(
                $"{typeof(TService).FullName} cannot serve {service.FullName}:{Environment.NewLine}  - "
                + string.Join(Environment.NewLine + "  - ", problems));
        }

        return endpoints;
    }

    private static GrpcMethodEndpoint BindMethod<TService>(MethodDescriptor method, ServiceActivator<TService> activator)
        where TService : class
    {
        if (method.IsClientStreaming)
        {
            throw new InvalidOperationException(
                $"rpc {method.Name} streams requests from the client, which this layer does not support (unary and server-streaming only).");
        }

        var requestType = method.InputType.ClrType;
        var responseType = method.OutputType.ClrType;
        var expected = method.IsServerStreaming
            ? $"public Task {method.Name}({requestType.Name} request, IServerStreamWriter<{responseType.Name}> responseStream, ServerCallContext context)"
            : $"public Task<{responseType.Name}> {method.Name}({requestType.Name} request, ServerCallContext context)";
        var candidates = typeof(TService)
            .GetMethods(BindingFlags.Public | BindingFlags.Instance)
            .Where(m => m.Name == method.Name || m.Name == method.Name + "Async")
            .ToArray();
        if (candidates.Length == 0)
        {
            throw new InvalidOperationException($"rpc {method.Name} has no method; expected {expected}.");
        }

        var parameterTypes = method.IsServerStreaming
            ? new[] { requestType, typeof(IServerStreamWriter<>).MakeGenericType(responseType), typeof(ServerCallContext) }
            : new[] { requestType, typeof(ServerCallContext) };
        var returnType = method.IsServerStreaming ? typeof(Task) : typeof(Task<>).MakeGenericType(responseType);
        var matches = candidates
            .Where(m => m.ReturnType == returnType && m.GetParameters().Select(p => p.ParameterType).SequenceEqual(parameterTypes))
            .ToArray();
        if (matches.Length != 1)
        {
            var found = string.Join("; ", candidates.Select(Describe));
            var why = matches.Length == 0 ? "has the wrong signature" : "is ambiguous";
            throw new InvalidOperationException($"rpc {method.Name} {why}; expected {expected}, found {found}.");
        }

        var factoryName = method.IsServerStreaming ? nameof(CreateServerStreaming) : nameof(CreateUnary);
        var factory = typeof(ServiceMethodBinder)
            .GetMethod(factoryName, BindingFlags.NonPublic | BindingFlags.Static)!
            .MakeGenericMethod(typeof(TService), requestType, responseType);
        return (GrpcMethodEndpoint)factory.Invoke(null, [method, matches[0], activator])!;
    }

    private static GrpcMethodEndpoint CreateUnary<TService, TRequest, TResponse>(
        MethodDescriptor method,
        MethodInfo methodInfo,
        ServiceActivator<TService> activator)
        where TService : class
        where TRequest : IMessage<TRequest>
        where TResponse : IMessage<TResponse>
    {
        var invoke = methodInfo.CreateDelegate<Func<TService, TRequest, ServerCallContext, Task<TResponse>>>();
        UnaryServerMethod<TRequest, TResponse> handler = async (request, context) =>
        {
            var (service, owned) = activator.Create(context.GetHttpContext());
            try
            {
                return await invoke(service, request, context).ConfigureAwait(false);
            }
            finally
            {
                await ServiceActivator<TService>.ReleaseAsync(service, owned).ConfigureAwait(false);
            }
        };
        var parser = (MessageParser<TRequest>)method.InputType.Parser;
        var callHandler = new UnaryServerCallHandler<TRequest, TResponse>(method.Service.FullName, method.Name, parser, handler);
        return new GrpcMethodEndpoint(method.Service.FullName, method.Name, callHandler.HandleAsync);
    }

    private static GrpcMethodEndpoint CreateServerStreaming<TService, TRequest, TResponse>(
        MethodDescriptor method,
        MethodInfo methodInfo,
        ServiceActivator<TService> activator)
        where TService : class
        where TRequest : IMessage<TRequest>
        where TResponse : IMessage<TResponse>
    {
        var invoke = methodInfo.CreateDelegate<Func<TService, TRequest, IServerStreamWriter<TResponse>, ServerCallContext, Task>>();
        ServerStreamingServerMethod<TRequest, TResponse> handler = async (request, stream, context) =>
        {
            var (service, owned) = activator.Create(context.GetHttpContext());
            try
            {
                await invoke(service, request, stream, context).ConfigureAwait(false);
            }
            finally
            {
                await ServiceActivator<TService>.ReleaseAsync(service, owned).ConfigureAwait(false);
            }
        };
        var parser = (MessageParser<TRequest>)method.InputType.Parser;
        var callHandler = new ServerStreamingServerCallHandler<TRequest, TResponse>(method.Service.FullName, method.Name, parser, handler);
        return new GrpcMethodEndpoint(method.Service.FullName, method.Name, callHandler.HandleAsync);
    }

    private static string Describe(MethodInfo method) =>
        $"{FriendlyName(method.ReturnType)} {method.Name}({string.Join(", ", method.GetParameters().Select(p => FriendlyName(p.ParameterType)))})";

    private static string FriendlyName(Type type) => type.IsGenericType
        ? $"{type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)]}<{string.Join(", ", type.GetGenericArguments().Select(FriendlyName))}>"
        : type.Name;

    /// <summary>
    /// A service registered in DI is taken from there (its lifetime is the container's); otherwise one instance
    /// is created per call from the request's services and disposed after it, as grpc-dotnet does.
    /// </summary>
    private sealed class ServiceActivator<TService>
        where TService : class
    {
        private readonly ObjectFactory<TService> _factory = ActivatorUtilities.CreateFactory<TService>([]);

        public (TService Service, bool Owned) Create(HttpContext httpContext)
        {
            var services = httpContext.RequestServices;
            var registered = services.GetService<TService>();
            return registered is not null ? (registered, false) : (_factory(services, null), true);
        }

        public static async ValueTask ReleaseAsync(TService service, bool owned)
        {
            if (!owned)
            {
                return;
            }

            if (service is IAsyncDisposable asyncDisposable)
            {
                await asyncDisposable.DisposeAsync().ConfigureAwait(false);
            }
            else if (service is IDisposable disposable)
            {
                disposable.Dispose();
            }
        }
    }
}
