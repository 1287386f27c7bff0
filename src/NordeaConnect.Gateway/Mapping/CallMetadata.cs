using NordeaConnect.Contracts;
using NordeaConnect.Gateway.Results;
using Grpc.Core;
using NordeaConnect.Primitives;

namespace NordeaConnect.Gateway.Mapping;

/// <summary>Reads the request metadata the services pass on to the grains.</summary>
public static class CallMetadata
{
    public const int MaxIdempotencyKeyLength = 128;

    /// <summary>The caller's <c>idempotency-key</c>, or null when none was sent (the grain then generates one).</summary>
    public static string? IdempotencyKey(ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var entry = context.RequestHeaders.Get(GatewayHeaders.IdempotencyKey);
        if (entry is null || entry.IsBinary)
        {
            return null;
        }

        var key = entry.Value;
        if (key.Length is 0 or > MaxIdempotencyKeyLength || key.Any(c => c is < '!' or > '~'))
        {
            throw new GatewayRefusalException(
                ResultCode.IdempotencyKeyMalformed,
                $"idempotency-key must be 1 to {MaxIdempotencyKeyLength} printable ASCII characters without spaces, e.g. a UUID");
        }

        return key;
    }
}
