using NordeaConnect.Primitives;

namespace NordeaConnect.Gateway.Results;

/// <summary>
/// The gateway refuses a call before any upstream call: bad input (100.100.x), a state conflict (100.200.x) or
/// idempotency-key misuse (100.300.x). The message is the result description the caller reads, so it names the
/// offending value and the rule, and never holds card data or secrets. <see cref="Field"/> names the request field
/// at fault when there is one, for the <c>google.rpc.BadRequest</c> field violation.
/// </summary>
public sealed class GatewayRefusalException : Exception
{
    public GatewayRefusalException(ResultCode code, string description)
        : this(code, description, field: null)
    {
    }

    public GatewayRefusalException(ResultCode code, string description, string? field)
        : base(description)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(description);
        if (code.Kind != ResultCodeKind.GatewayRefused)
        {
            throw new ArgumentException($"A gateway refusal carries a 100.x result code, not {code}.", nameof(code));
        }

        Code = code;
        Field = field;
    }

    public ResultCode Code { get; }

    /// <summary>The request field at fault (proto name, dotted for nested fields), or null.</summary>
    public string? Field { get; }
}
