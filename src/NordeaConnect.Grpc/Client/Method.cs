using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace NordeaConnect.Grpc.Client;

/// <summary>A callable method: its path and how to read its responses. Build once, keep in a static field.</summary>
public sealed class Method<TRequest, TResponse>
    where TRequest : IMessage<TRequest>
    where TResponse : IMessage<TResponse>
{
    public Method(MethodType type, string serviceName, string name, MessageParser<TResponse> responseParser)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceName);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(responseParser);
        Type = type;
        ServiceName = serviceName;
        Name = name;
        FullName = "/" + serviceName + "/" + name;
        ResponseParser = responseParser;
    }

    public MethodType Type { get; }

    public string ServiceName { get; }

    public string Name { get; }

    /// <summary>The request path, <c>/package.Service/Method</c>.</summary>
    public string FullName { get; }

    public MessageParser<TResponse> ResponseParser { get; }

    public override string ToString() => FullName;
}

/// <summary>Builds <see cref="Method{TRequest, TResponse}"/> from proto descriptors, checking the C# types match.</summary>
public static class Method
{
    /// <summary>
    /// The method <paramref name="methodName"/> of <paramref name="service"/>, checked to take
    /// <typeparamref name="TRequest"/> and return <typeparamref name="TResponse"/> in the declared shape.
    /// </summary>
    public static Method<TRequest, TResponse> Create<TRequest, TResponse>(ServiceDescriptor service, string methodName)
        where TRequest : IMessage<TRequest>
        where TResponse : IMessage<TResponse>
    {
        ArgumentNullException.ThrowIfNull(service);
        var method = service.FindMethodByName(methodName)
            ?? throw new ArgumentException($"Service {service.FullName} has no method '{methodName}'.", nameof(methodName));
        if (method.InputType.ClrType != typeof(TRequest) || method.OutputType.ClrType != typeof(TResponse))
        {
            throw new ArgumentException(
                $"{service.FullName}.{methodName} takes {method.InputType.ClrType?.Name} and returns {method.OutputType.ClrType?.Name}, "
                + $"not {typeof(TRequest).Name} and {typeof(TResponse).Name}.",
                nameof(methodName));
        }

        if (method.IsClientStreaming)
        {
            throw new ArgumentException($"{service.FullName}.{methodName} streams requests, which this client does not support.", nameof(methodName));
        }

        var type = method.IsServerStreaming ? MethodType.ServerStreaming : MethodType.Unary;
        return new Method<TRequest, TResponse>(type, service.FullName, method.Name, (MessageParser<TResponse>)method.OutputType.Parser);
    }

    /// <summary>A method from its path <c>/package.Service/Method</c>, for calls without descriptors at hand.</summary>
    public static Method<TRequest, TResponse> FromPath<TRequest, TResponse>(MethodType type, string path, MessageParser<TResponse> responseParser)
        where TRequest : IMessage<TRequest>
        where TResponse : IMessage<TResponse>
    {
        ArgumentNullException.ThrowIfNull(path);
        var parts = path.Split('/');
        if (parts.Length != 3 || parts[0].Length != 0 || parts[1].Length == 0 || parts[2].Length == 0)
        {
            throw new ArgumentException($"gRPC method path '{path}' must look like /package.Service/Method.", nameof(path));
        }

        return new Method<TRequest, TResponse>(type, parts[1], parts[2], responseParser);
    }
}
