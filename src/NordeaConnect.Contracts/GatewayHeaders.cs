using Grpc.Core;

namespace NordeaConnect.Contracts;

/// <summary>The request metadata the gateway reads: the Bearer access token and, on mutations, an idempotency key.</summary>
public static class GatewayHeaders
{
    public const string Authorization = "authorization";

    /// <summary>Retrying a mutation with the same key returns the recorded outcome instead of repeating it.</summary>
    public const string IdempotencyKey = "idempotency-key";

    public static Metadata For(string accessToken, string? idempotencyKey = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accessToken);
        var headers = new Metadata { { Authorization, "Bearer " + accessToken } };
        if (idempotencyKey is not null)
        {
            headers.Add(IdempotencyKey, idempotencyKey);
        }

        return headers;
    }
}
