using Fluid.Values;

namespace NordeaConnect.Sandbox.Templating;

/// <summary>
/// A field the event's object has, with the value null (<c>transaction.customer</c> of a guest payment). It behaves
/// as nil (prints nothing, is false, equals nil and blank) but is not "undefined": strict variables refuse names the
/// object lacks, not fields it defines as null.
/// </summary>
internal sealed class JsonNullValue : BaseNilValue
{
    public static readonly JsonNullValue Instance = new();

    private JsonNullValue()
    {
    }

    public override bool IsNil() => false;

    public override bool Equals(object? obj) => obj is JsonNullValue;

    public override int GetHashCode() => typeof(JsonNullValue).GetHashCode();
}
