namespace NordeaConnect.Sandbox.Templating.Rendering;

/// <summary>The <c>forloop</c> object: index, index0, rindex, rindex0, first, last, length.</summary>
internal sealed class ForLoopState(int length)
{
    public int Index0 { get; set; }

    public IReadOnlyDictionary<string, object?> ToValue() => new Dictionary<string, object?>(StringComparer.Ordinal)
    {
        ["index"] = (decimal)(Index0 + 1),
        ["index0"] = (decimal)Index0,
        ["rindex"] = (decimal)(length - Index0),
        ["rindex0"] = (decimal)(length - Index0 - 1),
        ["first"] = Index0 == 0,
        ["last"] = Index0 == length - 1,
        ["length"] = (decimal)length,
    };
}
