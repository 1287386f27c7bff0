using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Fluid.Values;

namespace NordeaConnect.Sandbox.Templating;

/// <summary>The event's JSON object as Fluid values: objects, arrays, strings, numbers (decimal), booleans and defined nulls.</summary>
internal static class LiquidModel
{
    public static FluidValue From(JsonNode? node) => node switch
    {
        null => JsonNullValue.Instance,
        JsonObject obj => DictionaryValue.Create(new FluidValueDictionaryFluidIndexable(
            obj.ToDictionary(pair => pair.Key, pair => From(pair.Value), StringComparer.Ordinal))),
        JsonArray array => ArrayValue.Create([.. array.Select(From)]),
        JsonValue value => value.GetValueKind() switch
        {
            JsonValueKind.String => StringValue.Create(value.GetValue<string>()),
            JsonValueKind.True => BooleanValue.True,
            JsonValueKind.False => BooleanValue.False,
            // A number too large for decimal keeps its JSON text rather than failing the render.
            JsonValueKind.Number => decimal.TryParse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
                ? NumberValue.Create(number)
                : StringValue.Create(value.ToJsonString()),
            _ => JsonNullValue.Instance,
        },
        _ => JsonNullValue.Instance,
    };
}
