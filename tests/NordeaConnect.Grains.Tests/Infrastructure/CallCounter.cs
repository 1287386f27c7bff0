using System.Collections.Concurrent;

namespace NordeaConnect.Grains.Tests.Infrastructure;

/// <summary>Counts calls by name ("POST v1/refunds", "refund"), thread-safe.</summary>
internal sealed class CallCounter
{
    private readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.Ordinal);

    public void Add(string name) => _counts.AddOrUpdate(name, 1, (_, count) => count + 1);

    public int this[string name] => _counts.GetValueOrDefault(name);

    public int Total => _counts.Values.Sum();

    public int Matching(Func<string, bool> predicate) => _counts.Where(pair => predicate(pair.Key)).Sum(pair => pair.Value);

    public override string ToString() => string.Join(", ", _counts.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => pair.Key + "=" + pair.Value));
}
