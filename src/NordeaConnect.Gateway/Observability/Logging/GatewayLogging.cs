using Microsoft.Extensions.Logging.Console;
using NordeaConnect.Gateway.Hosting;

namespace NordeaConnect.Gateway.Observability.Logging;

/// <summary>
/// The gateway's logs: every line carries the trace and span ids and the call's correlation id in its scope (the
/// correlation id rides in the trace's baggage, so it reaches grain turns and upstream requests); at the default
/// levels a line means a problem, not a request; <c>Gateway:LogFormat=json</c> writes one JSON object per line.
/// </summary>
public static class GatewayLogging
{
    public const string FormatKey = "Gateway:LogFormat";

    /// <summary>
    /// Categories that write a line per request or per exchange at Information, kept at Warning unless
    /// <c>Logging:LogLevel:&lt;category&gt;</c> says otherwise.
    /// </summary>
    public static readonly IReadOnlyList<string> PerRequestCategories =
        ["Microsoft.AspNetCore", "Grpc", "System.Net.Http.HttpClient", "Polly", "Npgsql", "Microsoft.Extensions.Http"];

    public static ILoggingBuilder AddGatewayLogging(this ILoggingBuilder logging, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(logging);
        ArgumentNullException.ThrowIfNull(configuration);
        var json = configuration[FormatKey]?.Trim().ToUpperInvariant() switch
        {
            null or "" or "SIMPLE" => false,
            "JSON" => true,
            _ => throw new GatewayConfigurationException([$"{FormatKey} '{configuration[FormatKey]}' is not a log format: use simple (the default) or json."]),
        };

        logging.Configure(options => options.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId | ActivityTrackingOptions.Baggage);
        if (json)
        {
            logging.AddJsonConsole(options =>
            {
                options.IncludeScopes = true;
                options.UseUtcTimestamp = true;
                options.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
            });
        }
        else
        {
            logging.AddSimpleConsole(options => options.IncludeScopes = true);
        }

        foreach (var category in PerRequestCategories)
        {
            if (configuration["Logging:LogLevel:" + category] is null)
            {
                logging.AddFilter(category, LogLevel.Warning);
            }
        }

        return logging;
    }
}
