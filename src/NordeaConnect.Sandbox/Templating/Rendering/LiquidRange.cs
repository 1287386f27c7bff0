using System.Collections;

namespace NordeaConnect.Sandbox.Templating.Rendering;

/// <summary>The integers of <c>(a..b)</c>, produced on demand so a huge range costs nothing until iterated (and the iteration budget stops it).</summary>
internal sealed class LiquidRange(long start, long end) : IReadOnlyList<object?>
{
    public int Count => end < start ? 0 : (int)Math.Min(int.MaxValue, end - start + 1);

    public object? this[int index] => (decimal)(start + index);

    public IEnumerator<object?> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
