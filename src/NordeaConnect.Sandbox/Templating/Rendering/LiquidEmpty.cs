namespace NordeaConnect.Sandbox.Templating.Rendering;

/// <summary>The <c>empty</c> and <c>blank</c> keywords, which only mean something in comparisons.</summary>
internal sealed class LiquidEmpty
{
    private LiquidEmpty(bool isBlank) => IsBlank = isBlank;

    public static LiquidEmpty Empty { get; } = new(isBlank: false);

    public static LiquidEmpty Blank { get; } = new(isBlank: true);

    /// <summary>blank also matches nil, false and whitespace-only strings.</summary>
    public bool IsBlank { get; }

    public bool Matches(object? value) => value switch
    {
        null or false => IsBlank,
        string text => IsBlank ? string.IsNullOrWhiteSpace(text) : text.Length == 0,
        IReadOnlyList<object?> list => list.Count == 0,
        System.Text.Json.Nodes.JsonObject obj => obj.Count == 0,
        IReadOnlyDictionary<string, object?> map => map.Count == 0,
        _ => false,
    };

    public override string ToString() => string.Empty;
}
