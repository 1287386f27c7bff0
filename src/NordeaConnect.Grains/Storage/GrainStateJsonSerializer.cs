using System.Text.Json;
using Orleans.Storage;

namespace NordeaConnect.Grains.Storage;

/// <summary>
/// Grain state as plain JSON (camelCase, no type or assembly names), so an operator can read it
/// (<c>select convert_from(payloadbinary, 'UTF8') from orleansstorage</c>) and a renamed class still loads. Chosen
/// over Orleans' default for storage, which embeds .NET type names.
/// </summary>
internal sealed class GrainStateJsonSerializer : IGrainStorageSerializer
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    public BinaryData Serialize<T>(T? input) => BinaryData.FromObjectAsJson(input, Options);

    public T Deserialize<T>(BinaryData input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return input.ToObjectFromJson<T>(Options)!;
    }
}
