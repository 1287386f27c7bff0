using System.Text;

namespace NordeaConnect.Grpc;

/// <summary>One metadata key with a text value, or, for keys ending in <c>-bin</c>, a binary value.</summary>
public sealed class MetadataEntry
{
    private readonly string? _value;
    private readonly byte[]? _valueBytes;

    public MetadataEntry(string key, string value)
        : this(key, value, validateValue: true)
    {
    }

    private MetadataEntry(string key, string value, bool validateValue)
    {
        ArgumentNullException.ThrowIfNull(value);
        Key = NormalizeKey(key);
        if (IsBinaryKey(Key))
        {
            throw new ArgumentException($"Metadata key '{Key}' ends in '-bin' and so needs a byte[] value.", nameof(key));
        }

        foreach (var c in validateValue ? value : string.Empty)
        {
            // Header values must be printable ASCII (space to '~'); anything else cannot travel as an HTTP/2 header here.
            if (c < ' ' || c > '~')
            {
                throw new ArgumentException($"The value of metadata key '{Key}' contains a character outside printable ASCII; use a '-bin' key for arbitrary data.", nameof(value));
            }
        }

        _value = value;
    }

    public MetadataEntry(string key, byte[] valueBytes)
    {
        ArgumentNullException.ThrowIfNull(valueBytes);
        Key = NormalizeKey(key);
        if (!IsBinaryKey(Key))
        {
            throw new ArgumentException($"Metadata key '{Key}' carries bytes and so must end in '-bin'.", nameof(key));
        }

        _valueBytes = valueBytes;
    }

    public string Key { get; }

    /// <summary>
    /// An entry as it arrived in a header. The spec says a receiver must not fail on a value that is valid HTTP
    /// but outside gRPC's ASCII range, so only the key is checked here.
    /// </summary>
    internal static MetadataEntry FromWire(string key, string value) => new(key, value, validateValue: false);

    public bool IsBinary => _valueBytes is not null;

    /// <summary>The text value; for a binary entry, an error (use <see cref="ValueBytes"/>).</summary>
    public string Value => _value ?? throw new InvalidOperationException($"Metadata entry '{Key}' is binary; read ValueBytes instead.");

    /// <summary>The value as bytes: the binary value, or the ASCII bytes of a text value.</summary>
    public byte[] ValueBytes => _valueBytes ?? Encoding.ASCII.GetBytes(_value!);

    /// <summary>Whether <paramref name="key"/> is a legal metadata key: a-z, 0-9, '-', '_' and '.', in any case.</summary>
    public static bool IsValidKey(string key)
    {
        if (string.IsNullOrEmpty(key))
        {
            return false;
        }

        foreach (var c in key)
        {
            if (!(c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '-' or '_' or '.'))
            {
                return false;
            }
        }

        return true;
    }

    public static bool IsBinaryKey(string key) => key.EndsWith(Metadata.BinarySuffix, StringComparison.OrdinalIgnoreCase);

    public override string ToString() => IsBinary ? $"{Key}: <{_valueBytes!.Length} bytes>" : $"{Key}: {_value}";

    private static string NormalizeKey(string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        if (!IsValidKey(key))
        {
            throw new ArgumentException($"Metadata key '{key}' may contain only a-z, 0-9, '-', '_' and '.'.", nameof(key));
        }

        return key.ToLowerInvariant();
    }
}
