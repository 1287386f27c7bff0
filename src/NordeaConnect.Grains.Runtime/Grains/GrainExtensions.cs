using System.Globalization;
using NordeaConnect.Grains.Runtime.Calls;

namespace NordeaConnect.Grains.Runtime;

/// <summary>Key accessors in the shape of Orleans' <c>this.GetPrimaryKeyString()</c>.</summary>
public static class GrainExtensions
{
    /// <summary>The key of a string-keyed grain.</summary>
    public static string GetPrimaryKeyString(this Grain grain)
    {
        ArgumentNullException.ThrowIfNull(grain);
        return grain.GrainId.Key;
    }

    /// <summary>The key of an integer-keyed grain.</summary>
    public static long GetPrimaryKeyLong(this Grain grain)
    {
        ArgumentNullException.ThrowIfNull(grain);
        return ParseLong(grain.GrainId);
    }

    /// <summary>The identity of the grain a reference (from <see cref="IGrainFactory"/>) points at.</summary>
    public static GrainId GetGrainId(this IGrain grainReference)
    {
        ArgumentNullException.ThrowIfNull(grainReference);
        return grainReference switch
        {
            GrainProxy proxy => proxy.GrainId,
            Grain grain => grain.GrainId,
            _ => throw new ArgumentException($"{grainReference.GetType().Name} is neither a grain reference nor a grain.", nameof(grainReference)),
        };
    }

    private static long ParseLong(GrainId id) =>
        long.TryParse(id.Key, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var key)
            ? key
            : throw new InvalidOperationException($"Grain {id} has a string key, not an integer key; use GetPrimaryKeyString.");
}
