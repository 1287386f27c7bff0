namespace NordeaConnect.Client;

/// <summary>
/// One page of a list call: the items, where they start, how many were asked for, and how many there are in all
/// (from <c>Content-Range</c>; null when the upstream did not say).
/// </summary>
public sealed class Page<T>
{
    public Page(IReadOnlyList<T> items, long offset, int limit, long? total)
    {
        ArgumentNullException.ThrowIfNull(items);
        Items = items;
        Offset = offset;
        Limit = limit;
        Total = total;
    }

    public IReadOnlyList<T> Items { get; }

    /// <summary>The zero-based position of the first item in the whole list.</summary>
    public long Offset { get; }

    /// <summary>The page size asked for (the upstream's default is 10).</summary>
    public int Limit { get; }

    /// <summary>How many items the whole list holds, when the upstream said.</summary>
    public long? Total { get; }

    /// <summary>Whether items follow this page.</summary>
    public bool HasMore => Total is { } total ? Offset + Items.Count < total : Items.Count >= Limit && Items.Count > 0;
}
