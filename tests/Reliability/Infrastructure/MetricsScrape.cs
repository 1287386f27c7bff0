using System.Globalization;

namespace NordeaConnect.Reliability.Tests.Infrastructure;

/// <summary>
/// Reads families of a node's <c>/metrics</c> (Prometheus text format, on its HTTP/1.1 webhook listener, where the
/// gateway maps it when no observability URL is set), and keeps a record of scrapes of several nodes taken in the
/// background until stopped.
/// </summary>
internal sealed class MetricsScrape : IAsyncDisposable
{
    /// <summary>Journal entries in doubt on the node's grains (GrainMetrics, <c>nordeaconnect.grains.journal.in_doubt</c>).</summary>
    public const string InDoubt = "nordeaconnect_grains_journal_in_doubt";

    /// <summary>Entries in doubt judged by reading upstream, by verdict (<c>nordeaconnect.grains.journal.reconciliations</c>).</summary>
    public const string Reconciliations = "nordeaconnect_grains_journal_reconciliations_total";

    /// <summary>Entries found in doubt when their grain activated, before reconciliation (<c>nordeaconnect.grains.journal.in_doubt_at_activation</c>).</summary>
    public const string InDoubtAtActivation = "nordeaconnect_grains_journal_in_doubt_at_activation_total";

    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(10) };

    private readonly IReadOnlyList<GatewayProcess> _nodes;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Sample> _samples = [];
    private readonly Task _loop;

    private MetricsScrape(IReadOnlyList<GatewayProcess> nodes, TimeSpan every)
    {
        _nodes = nodes;
        _loop = Task.Run(() => LoopAsync(every));
    }

    /// <summary>One scrape of one node: the sum of each family's samples (all labels), or null where the scrape failed.</summary>
    public sealed record Sample(string Node, DateTime At, double? InDoubt, double? Reconciliations, double? InDoubtAtActivation);

    /// <summary>Scrapes <paramref name="nodes"/> one after the other, again and again, <paramref name="every"/> apart, until disposed.</summary>
    public static MetricsScrape Start(IReadOnlyList<GatewayProcess> nodes, TimeSpan every) => new(nodes, every);

    public IReadOnlyList<Sample> Samples
    {
        get
        {
            lock (_samples)
            {
                return [.. _samples];
            }
        }
    }

    /// <summary>The sum of every sample of <paramref name="family"/> on <paramref name="node"/>'s /metrics, 0 when the family has none yet.</summary>
    public static async Task<double> SumAsync(GatewayProcess node, string family, CancellationToken cancellationToken = default)
    {
        var text = await Http.GetStringAsync(new Uri(node.Dashboard.Address, "/metrics"), cancellationToken);
        return Sum(text, family);
    }

    /// <summary>The sum of the samples of <paramref name="family"/> (the exact name, with or without labels) in a Prometheus text exposition.</summary>
    public static double Sum(string exposition, string family)
    {
        var total = 0.0;
        foreach (var line in exposition.Split('\n'))
        {
            if (!line.StartsWith(family, StringComparison.Ordinal) || line.Length == family.Length || (line[family.Length] != '{' && line[family.Length] != ' '))
            {
                continue;
            }

            // name{labels} value [timestamp]: the value follows the closing brace (label values may hold spaces).
            var rest = line[family.Length] == '{' ? line[(line.LastIndexOf('}') + 1)..] : line[family.Length..];
            var fields = rest.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            total += double.Parse(fields[0], NumberStyles.Float, CultureInfo.InvariantCulture);
        }

        return total;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _loop;
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }

    private async Task LoopAsync(TimeSpan every)
    {
        while (!_stop.IsCancellationRequested)
        {
            foreach (var node in _nodes)
            {
                double? inDoubt = null;
                double? reconciliations = null;
                double? atActivation = null;
                try
                {
                    var text = await Http.GetStringAsync(new Uri(node.Dashboard.Address, "/metrics"), _stop.Token);
                    inDoubt = Sum(text, InDoubt);
                    reconciliations = Sum(text, Reconciliations);
                    atActivation = Sum(text, InDoubtAtActivation);
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !_stop.IsCancellationRequested)
                {
                    // A node restarting or too busy to answer: recorded as a gap, not a failure of the scenario.
                }

                lock (_samples)
                {
                    _samples.Add(new Sample(node.Name, DateTime.UtcNow, inDoubt, reconciliations, atActivation));
                }
            }

            await Task.Delay(every, _stop.Token);
        }
    }
}
