using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace NordeaConnect.Client;

/// <summary>
/// Traces and metrics of the client, under the name <c>NordeaConnect.Client</c>. Tags carry method, path,
/// status and outcome only: never query strings, bodies or credentials.
/// </summary>
public static class NordeaConnectTelemetry
{
    public const string Name = "NordeaConnect.Client";

    public static ActivitySource ActivitySource { get; } = new(Name);

    /// <summary>The bucket bounds OpenTelemetry's semantic conventions give HTTP durations in seconds (5 ms to 10 s).</summary>
    public static InstrumentAdvice<double> SecondsAdvice { get; } = new() { HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10] };

    internal static Meter Meter { get; } = new(Name);

    internal static Histogram<double> Duration { get; } =
        Meter.CreateHistogram<double>("nordeaconnect.client.request.duration", "s", "Time of a call to Nordea Connect, retries included.", tags: null, advice: SecondsAdvice);

    internal static Counter<long> Retries { get; } =
        Meter.CreateCounter<long>("nordeaconnect.client.retries", "{retry}", "Attempts repeated after a transient failure.");
}
