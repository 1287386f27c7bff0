using System.Globalization;
using System.Text.Json;

namespace NordeaConnect.Reliability.Tests.Infrastructure;

/// <summary>Activations and calls of one grain type on one silo, as the Orleans Dashboard counts them.</summary>
internal sealed record GrainCount(string GrainType, string SiloAddress, int Activations, long Calls)
{
    /// <summary>Whether this count is of <paramref name="node"/>'s silo (the dashboard names silos <c>ip:port@epoch</c>).</summary>
    public bool IsOn(GatewayProcess node) => SiloAddress.Contains(":" + node.SiloPort.ToString(CultureInfo.InvariantCulture) + "@", StringComparison.Ordinal);

    /// <summary>TransactionGrain, not TransactionCreationGrain: the dashboard names grain classes.</summary>
    public bool IsTransactionGrain => GrainType.EndsWith(".TransactionGrain", StringComparison.Ordinal) || GrainType == "TransactionGrain";
}

/// <summary>A silo as the dashboard lists it.</summary>
internal sealed record DashboardHost(string SiloAddress, string Status);

/// <summary>The Orleans Dashboard a gateway node serves on its webhook listener, read as an operator's browser does.</summary>
internal sealed class ClusterDashboard : IDisposable
{
    private readonly HttpClient _http;

    public ClusterDashboard(Uri address)
    {
        _http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
    }

    public Uri Address => _http.BaseAddress!;

    public Task<HttpResponseMessage> GetAsync(string relative) => _http.GetAsync(relative);

    /// <summary>The silos and every (grain type, silo) count; the dashboard refreshes them about once a second.</summary>
    public async Task<(IReadOnlyList<DashboardHost> Hosts, IReadOnlyList<GrainCount> Grains)> CountersAsync()
    {
        using var document = JsonDocument.Parse(await _http.GetStringAsync("DashboardCounters"));
        var root = document.RootElement;
        var hosts = root.GetProperty("hosts").EnumerateArray()
            .Select(host => new DashboardHost(host.GetProperty("siloAddress").GetString()!, host.GetProperty("status").GetString() ?? string.Empty))
            .ToArray();
        var grains = root.GetProperty("simpleGrainStats").EnumerateArray()
            .Select(stat => new GrainCount(
                stat.GetProperty("grainType").GetString()!,
                stat.GetProperty("siloAddress").GetString()!,
                stat.GetProperty("activationCount").GetInt32(),
                stat.GetProperty("totalCalls").GetInt64()))
            .ToArray();
        return (hosts, grains);
    }

    /// <summary>
    /// Reads the counters until <paramref name="condition"/> holds or <paramref name="patience"/> ends (bounded, for a
    /// dashboard that counts once a second); the last counters either way, so a failure can show what was seen.
    /// </summary>
    public async Task<(bool Met, IReadOnlyList<DashboardHost> Hosts, IReadOnlyList<GrainCount> Grains)> WaitForAsync(
        Func<IReadOnlyList<DashboardHost>, IReadOnlyList<GrainCount>, bool> condition, TimeSpan patience)
    {
        var until = DateTime.UtcNow + patience;
        IReadOnlyList<DashboardHost> hosts = [];
        IReadOnlyList<GrainCount> grains = [];
        while (true)
        {
            try
            {
                (hosts, grains) = await CountersAsync();
                if (condition(hosts, grains))
                {
                    return (true, hosts, grains);
                }
            }
            catch (Exception failure) when (failure is HttpRequestException or TaskCanceledException or JsonException or KeyNotFoundException or InvalidOperationException)
            {
                // A node still starting, or a dashboard grain moving after a node died: ask again.
            }

            if (DateTime.UtcNow >= until)
            {
                return (false, hosts, grains);
            }

            await Task.Delay(500);
        }
    }

    public static string Describe(IEnumerable<GrainCount> grains) =>
        string.Join("; ", grains.Select(g => g.GrainType + " on " + g.SiloAddress + ": " + g.Activations.ToString(CultureInfo.InvariantCulture) + " activations, " + g.Calls.ToString(CultureInfo.InvariantCulture) + " calls"));

    public void Dispose() => _http.Dispose();
}
