using System.Text.Json.Serialization;

namespace NordeaConnect.Sandbox.Json;

/// <summary>A related object as the reference returns it until extended: <c>{"id": 2923}</c>.</summary>
internal sealed record EntityRef([property: JsonPropertyName("id")] long Id)
{
    public static EntityRef? Of(long? id) => id is { } value ? new EntityRef(value) : null;
}
