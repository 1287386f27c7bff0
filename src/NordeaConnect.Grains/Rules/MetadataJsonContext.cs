using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace NordeaConnect.Grains;

[JsonSerializable(typeof(JsonObject))]
[JsonSerializable(typeof(string))]
internal sealed partial class MetadataJsonContext : JsonSerializerContext;
