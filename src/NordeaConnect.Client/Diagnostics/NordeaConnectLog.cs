using Microsoft.Extensions.Logging;

namespace NordeaConnect.Client;

/// <summary>The client's log events: method, path, status, duration and correlation id only.</summary>
internal static partial class NordeaConnectLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Debug, Message = "NordeaConnect {Method} {Path} answered {StatusCode} in {ElapsedMilliseconds:0.0} ms ({CorrelationId})")]
    public static partial void Answered(ILogger logger, string method, string path, int statusCode, double elapsedMilliseconds, string correlationId);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "NordeaConnect {Method} {Path} refused with {StatusCode} {UpstreamErrorName} in {ElapsedMilliseconds:0.0} ms ({CorrelationId})")]
    public static partial void Refused(ILogger logger, string method, string path, int statusCode, string? upstreamErrorName, double elapsedMilliseconds, string correlationId);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "NordeaConnect {Method} {Path} failed after {ElapsedMilliseconds:0.0} ms: {Failure}, result {ResultCode} ({CorrelationId})")]
    public static partial void Failed(ILogger logger, string method, string path, double elapsedMilliseconds, string failure, string resultCode, string correlationId);

    [LoggerMessage(EventId = 4, Level = LogLevel.Information, Message = "NordeaConnect {Method} {Path}: retry {Attempt} in {DelayMilliseconds:0} ms after {Failure} ({CorrelationId})")]
    public static partial void Retrying(ILogger logger, string method, string path, int attempt, double delayMilliseconds, string failure, string correlationId);

    [LoggerMessage(EventId = 5, Level = LogLevel.Error, Message = "NordeaConnect circuit opened for {BreakSeconds:0.#} s after {Failure}; calls are refused without being sent")]
    public static partial void CircuitOpened(ILogger logger, double breakSeconds, string failure);

    [LoggerMessage(EventId = 6, Level = LogLevel.Information, Message = "NordeaConnect circuit closed; calls flow again")]
    public static partial void CircuitClosed(ILogger logger);
}
