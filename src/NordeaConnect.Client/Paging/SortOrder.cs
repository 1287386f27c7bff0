namespace NordeaConnect.Client;

/// <summary>The <c>order_by</c> of a list call: <c>order_by=amount</c> or <c>order_by=amount:desc</c>.</summary>
public readonly record struct SortOrder
{
    public SortOrder(string field, bool descending = false)
    {
        FilterFieldName.Validate(field, nameof(field));
        Field = field;
        Descending = descending;
    }

    public string Field { get; }

    public bool Descending { get; }

    public static SortOrder Ascending(string field) => new(field);

    public static SortOrder DescendingBy(string field) => new(field, descending: true);

    /// <summary>The query value, e.g. <c>amount:desc</c>.</summary>
    public override string ToString() => Descending ? Field + ":desc" : Field;
}
