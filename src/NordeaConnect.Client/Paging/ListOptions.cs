namespace NordeaConnect.Client;

/// <summary>
/// Paging, ordering, filters and extends of a list call. Rendered in the reference's syntax, e.g.
/// <c>limit=2&amp;offset=20&amp;order_by=amount:desc&amp;filter[test]=false&amp;filter[amount]=100..&amp;extend=customer</c>.
/// </summary>
public class ListOptions
{
    private readonly List<ListFilter> _filters = [];
    private readonly List<string> _extend = [];

    /// <summary>How many items per page (the upstream's default is 10).</summary>
    public int? Limit { get; set; }

    /// <summary>How many items to skip.</summary>
    public long? Offset { get; set; }

    /// <summary>Start the page at this id (<c>start_id=1051</c>).</summary>
    public long? StartId { get; set; }

    /// <summary>The <c>order_by</c>, e.g. <c>SortOrder.DescendingBy("amount")</c>.</summary>
    public SortOrder? OrderBy { get; set; }

    public IReadOnlyList<ListFilter> Filters => _filters;

    /// <summary>Child objects to return in full, e.g. <c>customer</c>, <c>plan.id</c>.</summary>
    public IReadOnlyList<string> Extend => _extend;

    /// <summary>Adds a filter; see <see cref="ListOptionsExtensions.Where{T}"/> for the fluent form.</summary>
    public void AddFilter(ListFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        _filters.Add(filter);
    }

    /// <summary>Adds child objects to return in full, e.g. <c>customer</c> or <c>plan.id</c>.</summary>
    public void AddExtend(params IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        foreach (var path in paths)
        {
            FilterFieldName.ValidateExtend(path, nameof(paths));
            _extend.Add(path);
        }
    }

    internal void Validate(FilterableFields fields)
    {
        if (Limit is <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(Limit), Limit, "The page size (limit) must be at least 1.");
        }

        if (Offset is < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(Offset), Offset, "The offset cannot be negative.");
        }

        if (StartId is <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(StartId), StartId, "start_id must be a positive id.");
        }

        foreach (var filter in _filters)
        {
            fields.Check(filter.Field);
        }
    }

    /// <summary>A copy of these options for one page of a walk: same filters, order and extends, the given offset and size.</summary>
    internal ListOptions ForPage(long offset, int limit)
    {
        var page = new ListOptions { Limit = limit, Offset = offset, StartId = StartId, OrderBy = OrderBy };
        page._filters.AddRange(_filters);
        page._extend.AddRange(_extend);
        return page;
    }
}
