namespace NordeaConnect.Client;

/// <summary>The HTTP conventions of the client that other components (e.g. a host's correlation handler) rely on.</summary>
public static class NordeaConnectHttp
{
    /// <summary>The header carrying the correlation id of a call.</summary>
    public const string CorrelationHeader = "X-Correlation-Id";
}
