namespace NordeaConnect.Client;

/// <summary>Per-call settings, passed as the last optional argument before the cancellation token.</summary>
public sealed class RequestOptions
{
    /// <summary>
    /// Marks a write as safe to repeat, so it is retried on timeouts, dropped connections and 5xx like a read.
    /// Only set this when a second delivery cannot charge or refund twice (e.g. a status change, a metadata merge).
    /// </summary>
    public bool RetrySafe { get; init; }

    /// <summary>The language of upstream error descriptions: <c>en</c> or <c>sv</c>. Overrides <see cref="NordeaConnectClientOptions.Locale"/>.</summary>
    public string? Locale { get; init; }

    /// <summary>The total time this call may take, all retries included. Overrides <see cref="NordeaConnectClientOptions.TotalTimeout"/>.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>An id to log this call under (sent as <c>X-Correlation-Id</c>); generated when not set.</summary>
    public string? CorrelationId { get; init; }
}
