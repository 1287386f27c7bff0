namespace NordeaConnect.Grpc.Server;

/// <summary>The services and methods mapped on this host; lets UNIMPLEMENTED say whether the service or only the method is unknown.</summary>
public sealed class GrpcServiceRegistry
{
    private readonly Dictionary<string, HashSet<string>> _services = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    internal bool UnimplementedFallbackMapped { get; set; }

    public IReadOnlyCollection<string> ServiceNames
    {
        get
        {
            lock (_lock)
            {
                return _services.Keys.ToArray();
            }
        }
    }

    public bool IsServiceMapped(string serviceName)
    {
        lock (_lock)
        {
            return _services.ContainsKey(serviceName);
        }
    }

    internal void Add(string serviceName, string methodName)
    {
        lock (_lock)
        {
            if (!_services.TryGetValue(serviceName, out var methods))
            {
                methods = new HashSet<string>(StringComparer.Ordinal);
                _services.Add(serviceName, methods);
            }

            if (!methods.Add(methodName))
            {
                throw new InvalidOperationException($"gRPC method /{serviceName}/{methodName} is mapped twice.");
            }
        }
    }
}
