namespace NordeaConnect.Client;

/// <summary>
/// The one seam between the resource services and the network: one request in, one response out. Basic auth,
/// timeouts, retries, the circuit breaker, error mapping and telemetry all live behind it, never in the services.
/// Substitute it to test code that uses the services without HTTP.
/// </summary>
public interface INordeaConnectHttp
{
    /// <summary>
    /// Sends <paramref name="request"/> and returns the upstream's successful (2xx) answer.
    /// </summary>
    /// <exception cref="NordeaConnectException">The upstream refused or failed the call, or could not be reached.</exception>
    /// <exception cref="NordeaConnectOutcomeUnknownException">A write that is not safe to repeat may or may not have been carried out.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    Task<NordeaConnectResponse> SendAsync(NordeaConnectRequest request, CancellationToken cancellationToken = default);
}
