using System.Collections;

namespace NordeaConnect.Grpc;

/// <summary>
/// Call metadata (request headers, response headers or trailers): an ordered list of key/value entries.
/// Keys are lower-case ASCII; keys ending in <c>-bin</c> carry bytes (base64 on the wire), the others ASCII text.
/// </summary>
public sealed class Metadata : IList<MetadataEntry>
{
    public const string BinarySuffix = "-bin";

    private readonly List<MetadataEntry> _entries = [];

    public int Count => _entries.Count;

    public bool IsReadOnly => false;

    public MetadataEntry this[int index]
    {
        get => _entries[index];
        set => _entries[index] = value ?? throw new ArgumentNullException(nameof(value));
    }

    public void Add(string key, string value) => _entries.Add(new MetadataEntry(key, value));

    public void Add(string key, byte[] valueBytes) => _entries.Add(new MetadataEntry(key, valueBytes));

    public void Add(MetadataEntry item) => _entries.Add(item ?? throw new ArgumentNullException(nameof(item)));

    /// <summary>The last entry with this key, or null (keys compare case-insensitively, as HTTP/2 header names do).</summary>
    public MetadataEntry? Get(string key)
    {
        for (var i = _entries.Count - 1; i >= 0; i--)
        {
            if (string.Equals(_entries[i].Key, key, StringComparison.OrdinalIgnoreCase))
            {
                return _entries[i];
            }
        }

        return null;
    }

    public IEnumerable<MetadataEntry> GetAll(string key) =>
        _entries.Where(e => string.Equals(e.Key, key, StringComparison.OrdinalIgnoreCase));

    /// <summary>The text value of the last entry with this key, or null.</summary>
    public string? GetValue(string key) => Get(key)?.Value;

    /// <summary>The bytes of the last binary entry with this key, or null.</summary>
    public byte[]? GetValueBytes(string key) => Get(key)?.ValueBytes;

    public void Clear() => _entries.Clear();

    public bool Contains(MetadataEntry item) => _entries.Contains(item);

    public void CopyTo(MetadataEntry[] array, int arrayIndex) => _entries.CopyTo(array, arrayIndex);

    public IEnumerator<MetadataEntry> GetEnumerator() => _entries.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public int IndexOf(MetadataEntry item) => _entries.IndexOf(item);

    public void Insert(int index, MetadataEntry item) => _entries.Insert(index, item ?? throw new ArgumentNullException(nameof(item)));

    public bool Remove(MetadataEntry item) => _entries.Remove(item);

    public void RemoveAt(int index) => _entries.RemoveAt(index);
}
