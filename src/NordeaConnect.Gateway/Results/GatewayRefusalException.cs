using NordeaConnect.Primitives;

namespace NordeaConnect.Gateway.Results;

/// <summary>
/// The gateway refuses a call before any upstream call: bad input (100.100.x), a state conflict (100.200.x) or
/// idempotency-key misuse (100.300.x). The message is the result description the caller reads, so it names the
/// offending value and the rule, and never holds card data or secrets.
/// </summary>
public sealed class GatewayRefusalException : Exception
{
    public GatewayRefusalException(ResultCode code, string description)
        : base(description)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(description);
        if (code.Kind != ResultCodeKind.GatewayRefused)
        {
            throw new ArgumentException($"A gateway refusal carries a 100.x result code, not {code}.", nameof(code));
        }

        Code = code;
    }

    public ResultCode Code { get; }
}
