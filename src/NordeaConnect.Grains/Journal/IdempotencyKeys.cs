using System.Diagnostics.CodeAnalysis;
using NordeaConnect.Primitives;

namespace NordeaConnect.Grains;

/// <summary>Checks a caller's idempotency key, or makes one when the caller gave none.</summary>
public static class IdempotencyKeys
{
    public const int MaxLength = 128;

    /// <summary>The key to run under, or a refusal (<see cref="ResultCode.IdempotencyKeyMalformed"/>) saying what is wrong with it.</summary>
    public static bool TryResolve(string? given, [NotNullWhen(true)] out string? key, [NotNullWhen(false)] out Refusal? refusal)
    {
        refusal = null;
        if (given is null)
        {
            // No key: a fresh one still journals the operation, though only this call can ever use it.
            key = "generated-" + Guid.NewGuid().ToString("N");
            return true;
        }

        key = null;
        if (given.Length is 0 or > MaxLength)
        {
            refusal = new Refusal(ResultCode.IdempotencyKeyMalformed, $"An idempotency key is 1 to {MaxLength} characters; this one has {given.Length}.");
            return false;
        }

        // Visible ASCII only: keys travel in gRPC metadata and log lines, where anything else is trouble.
        if (given.Any(c => c is < '!' or > '~'))
        {
            refusal = new Refusal(ResultCode.IdempotencyKeyMalformed, "An idempotency key may contain only visible ASCII characters (no spaces or control characters).");
            return false;
        }

        key = given;
        return true;
    }
}
