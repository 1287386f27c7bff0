using System.Collections;
using System.Text.Json.Nodes;

namespace NordeaConnect.Sandbox.Templating.Rendering;

/// <summary>A JSON array seen as a list of Liquid values, converting elements only when they are read.</summary>
internal sealed class JsonArrayView(JsonArray array) : IReadOnlyList<object?>
{
    public JsonArray Array => array;

    public int Count => array.Count;

    public object? this[int index] => LiquidValues.FromNode(array[index]);

    public IEnumerator<object?> GetEnumerator()
    {
        for (var i = 0; i < array.Count; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
