namespace NordeaConnect.Gateway.Observability.Health;

/// <summary>
/// Runs every <see cref="IReadinessCheck"/> concurrently and keeps the report for <see cref="CacheFor"/>, so a burst
/// of probes (several orchestrators, load balancers) costs one round of checks. Concurrent callers share that round.
/// </summary>
public sealed class ReadinessProbe(IEnumerable<IReadinessCheck> checks, TimeProvider timeProvider, TimeSpan cacheFor)
{
    public static readonly TimeSpan DefaultCacheFor = TimeSpan.FromSeconds(2);

    private readonly IReadinessCheck[] _checks = checks?.ToArray() ?? throw new ArgumentNullException(nameof(checks));
    private readonly Lock _gate = new();
    private Task<ReadinessReport>? _current;

    public TimeSpan CacheFor { get; } = cacheFor >= TimeSpan.Zero ? cacheFor : throw new ArgumentOutOfRangeException(nameof(cacheFor), cacheFor, "The cache duration cannot be negative.");

    public Task<ReadinessReport> CheckAsync()
    {
        lock (_gate)
        {
            if (_current is { } current && (!current.IsCompleted || (current.IsCompletedSuccessfully && timeProvider.GetUtcNow() - current.Result.CheckedAt < CacheFor)))
            {
                return current;
            }

            // Not tied to any one caller's cancellation: the round is shared; every check bounds itself.
            return _current = RunAsync();
        }
    }

    private async Task<ReadinessReport> RunAsync()
    {
        var problems = await Task.WhenAll(_checks.Select(check => check.ProblemAsync(CancellationToken.None))).ConfigureAwait(false);
        var byName = new Dictionary<string, string?>(StringComparer.Ordinal);
        for (var i = 0; i < _checks.Length; i++)
        {
            byName[_checks[i].Name] = problems[i];
        }

        return new ReadinessReport(timeProvider.GetUtcNow(), byName);
    }
}
