namespace NordeaConnect.Client.Tests.Stub;

/// <summary>What the stub upstream received, exactly as it arrived on the wire.</summary>
public sealed record RecordedRequest(
    string Method,
    string Path,
    string RawQuery,
    string? ContentType,
    string Body,
    string? Authorization,
    string? CorrelationId);
