using System.Diagnostics;

namespace NordeaConnect.Bench.Client;

/// <summary>One contender: a name and one call; timed in rounds, reported as the median per-call time.</summary>
internal sealed class Measurement(string name, Func<Task> call)
{
    private readonly List<double> _roundMicroseconds = [];

    public string Name { get; } = name;

    public double MedianMicroseconds
    {
        get
        {
            var sorted = _roundMicroseconds.Order().ToArray();
            return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
        }
    }

    public double MinMicroseconds => _roundMicroseconds.Min();

    public double MaxMicroseconds => _roundMicroseconds.Max();

    public async Task WarmUpAsync(int calls)
    {
        for (var i = 0; i < calls; i++)
        {
            await call();
        }
    }

    public async Task RunRoundAsync(int calls)
    {
        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < calls; i++)
        {
            await call();
        }

        _roundMicroseconds.Add(Stopwatch.GetElapsedTime(started).TotalMicroseconds / calls);
    }
}
