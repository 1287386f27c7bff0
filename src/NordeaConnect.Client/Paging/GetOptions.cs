namespace NordeaConnect.Client;

/// <summary>Options of a single-object read: which child objects to return in full (<c>extend=customer,plan</c>).</summary>
public sealed class GetOptions
{
    private readonly List<string> _extend = [];

    public IReadOnlyList<string> Extend => _extend;

    public static GetOptions Extending(params IEnumerable<string> paths)
    {
        var options = new GetOptions();
        foreach (var path in paths)
        {
            FilterFieldName.ValidateExtend(path, nameof(paths));
            options._extend.Add(path);
        }

        return options;
    }

    /// <summary>The <c>extend</c> value (paths are validated, so safe verbatim in a query), or null for none.</summary>
    internal string? ExtendQuery => _extend.Count == 0 ? null : string.Join(',', _extend);
}
