using Polly;

namespace NordeaConnect.Client;

/// <summary>What the seam tells the resilience strategies about the call in flight.</summary>
internal static class ResilienceKeys
{
    public static readonly ResiliencePropertyKey<bool> RetrySafe = new("nordeaconnect.retry-safe");
    public static readonly ResiliencePropertyKey<TimeSpan> TotalTimeout = new("nordeaconnect.total-timeout");
    public static readonly ResiliencePropertyKey<NordeaConnectRequest> Request = new("nordeaconnect.request");
    public static readonly ResiliencePropertyKey<string> CorrelationId = new("nordeaconnect.correlation-id");
}
