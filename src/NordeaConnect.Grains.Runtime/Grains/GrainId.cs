using System.Globalization;

namespace NordeaConnect.Grains.Runtime;

/// <summary>The identity of a grain: its grain type name and its key (integer keys in invariant decimal form).</summary>
public readonly record struct GrainId
{
    /// <summary>Longest string key: a key travels in storage notifications, which PostgreSQL limits to 8000 bytes.</summary>
    public const int MaxKeyLength = 1024;

    public GrainId(string type, string key)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(type);
        ArgumentNullException.ThrowIfNull(key);
        Type = type;
        Key = key;
    }

    /// <summary>The grain type name: the grain class's <see cref="GrainTypeAttribute"/> or its class name.</summary>
    public string Type { get; }

    /// <summary>The primary key as text.</summary>
    public string Key { get; }

    internal static GrainId ForInteger(string type, long key) => new(type, key.ToString(CultureInfo.InvariantCulture));

    public override string ToString() => Type + "/" + Key;
}
