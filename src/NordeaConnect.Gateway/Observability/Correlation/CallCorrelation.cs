using Grpc.Core;

namespace NordeaConnect.Gateway.Observability.Correlation;

/// <summary>
/// The correlation id of the gRPC call being served: the caller's <c>x-correlation-id</c> when it is a sensible
/// token, otherwise one generated here. It flows with the ExecutionContext (into grain turns too), so the upstream
/// request made on the call's behalf carries it and every log line written meanwhile has it in its scope.
/// </summary>
public static class CallCorrelation
{
    /// <summary>The metadata key a caller sets and the trailer the gateway answers with.</summary>
    public const string MetadataKey = "x-correlation-id";

    /// <summary>The span tag and trace baggage entry carrying the id (and so the key in every log line's scope).</summary>
    public const string ActivityKey = "nordeaconnect.correlation_id";

    /// <summary>The longest caller-chosen id kept; longer ones are replaced rather than cut.</summary>
    public const int MaxLength = 64;

    private static readonly AsyncLocal<string?> CurrentId = new();

    /// <summary>The id of the call this code runs for, or null outside a call.</summary>
    public static string? Current
    {
        get => CurrentId.Value;
        internal set => CurrentId.Value = value;
    }

    /// <summary>The caller's id when acceptable (see <see cref="IsAcceptable"/>), else a new one.</summary>
    public static string FromMetadata(Metadata requestHeaders)
    {
        ArgumentNullException.ThrowIfNull(requestHeaders);
        var offered = requestHeaders.GetValue(MetadataKey);
        return offered is not null && IsAcceptable(offered) ? offered : NewId();
    }

    /// <summary>16 lower-case hex characters, the shape the client generates for calls made outside a gRPC call.</summary>
    public static string NewId() => Guid.NewGuid().ToString("N")[..16];

    /// <summary>
    /// 1-64 characters of letters, digits, <c>-</c>, <c>_</c>, <c>.</c> and <c>:</c>, with no run of 12 or more digits:
    /// the id ends up in logs and upstream headers, so it may be neither a log-injection vector nor a card number.
    /// </summary>
    public static bool IsAcceptable(string candidate)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        if (candidate.Length is 0 or > MaxLength)
        {
            return false;
        }

        var digitRun = 0;
        foreach (var c in candidate)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('-' or '_' or '.' or ':'))
            {
                return false;
            }

            digitRun = char.IsAsciiDigit(c) ? digitRun + 1 : 0;
            if (digitRun >= 12)
            {
                return false;
            }
        }

        return true;
    }
}
