namespace NordeaConnect.Grpc.Client;

/// <summary>The call shapes this layer supports.</summary>
public enum MethodType
{
    Unary,
    ServerStreaming,
}
