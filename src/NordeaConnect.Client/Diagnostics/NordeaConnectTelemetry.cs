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

    internal static Meter Meter { get; } = new(Name);

    internal static Histogram<double> Duration { get; } =
        Meter.CreateHistogram<double>("nordeaconnect.client.request.duration", "s", "Time of a call to Nordea Connect, retries included.");

    internal static Counter<long> Retries { get; } =
        Meter.CreateCounter<long>("nordeaconnect.client.retries", description: "Attempts repeated after a transient failure.");
}
