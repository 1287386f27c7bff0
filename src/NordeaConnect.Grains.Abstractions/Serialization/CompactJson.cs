using System.Collections.Immutable;
using System.Text.Json;

namespace NordeaConnect.Grains.Serialization;

/// <summary>JSON held as its UTF-8 text and parsed on demand: for values kept long and read rarely, like cached metadata.</summary>
internal static class CompactJson
{
    public static byte[]? Utf8(JsonElement? element) =>
        element is { ValueKind: not JsonValueKind.Undefined } value ? JsonSerializer.SerializeToUtf8Bytes(value) : null;

    public static JsonElement? Element(byte[]? utf8)
    {
        if (utf8 is null)
        {
            return null;
        }

        var reader = new Utf8JsonReader(utf8);
        return JsonElement.ParseValue(ref reader);
    }

    /// <summary>A REST client entity as the client's JSON (<see cref="ClientTypesOnTheWire.JsonOptions"/>: exact timestamps).</summary>
    public static byte[]? Utf8<T>(T? value)
        where T : class =>
        value is null ? null : JsonSerializer.SerializeToUtf8Bytes(value, ClientTypesOnTheWire.JsonOptions);

    public static T? Entity<T>(byte[]? utf8)
        where T : class =>
        utf8 is null ? null : JsonSerializer.Deserialize<T>(utf8, ClientTypesOnTheWire.JsonOptions);

    /// <summary>A list of REST client entities as one JSON array of the client's form.</summary>
    public static byte[]? Utf8<T>(ImmutableList<T>? values)
        where T : class =>
        values is null ? null : JsonSerializer.SerializeToUtf8Bytes(values.ToArray(), ClientTypesOnTheWire.JsonOptions);

    public static ImmutableList<T>? Entities<T>(byte[]? utf8)
        where T : class =>
        utf8 is null ? null : ImmutableList.Create(JsonSerializer.Deserialize<T[]>(utf8, ClientTypesOnTheWire.JsonOptions)!);
}
