using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace NordeaConnect.Gateway.Observability;

/// <summary>
/// The gateway's own instruments, under the meter <c>NordeaConnect.Gateway</c>: calls served per gRPC method and
/// result-code group, and their duration. Runtime, client and grains keep their own meters; <c>/metrics</c> shows all.
/// </summary>
public sealed class GatewayMetrics : IDisposable
{
    public const string MeterName = "NordeaConnect.Gateway";

    private readonly Meter _meter;
    private readonly Counter<long> _calls;
    private readonly Histogram<double> _duration;

    public GatewayMetrics(IMeterFactory? meterFactory = null)
    {
        _meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        _calls = _meter.CreateCounter<long>("nordeaconnect.gateway.rpc.calls", "{call}", "gRPC calls served, by method and result-code group (000 success, 100 refused, 200 rejected upstream, 800 declined, 900 system trouble).");
        _duration = _meter.CreateHistogram<double>("nordeaconnect.gateway.rpc.duration", "s", "Time from the start of a gRPC call to its status, by method and result-code group.", tags: null, advice: NordeaConnect.Client.NordeaConnectTelemetry.SecondsAdvice);
    }

    /// <summary>Records one finished call.</summary>
    /// <param name="method">The method path, <c>/package.Service/Method</c> (only mapped methods get here, so the set is bounded).</param>
    /// <param name="resultGroup">See <see cref="ResultGroups"/>.</param>
    public void RecordCall(string method, string resultGroup, TimeSpan elapsed)
    {
        var tags = new TagList { { "method", method }, { "result", resultGroup } };
        _calls.Add(1, tags);
        _duration.Record(elapsed.TotalSeconds, tags);
    }

    public void Dispose() => _meter.Dispose();
}
