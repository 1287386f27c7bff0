namespace NordeaConnect.Client;

/// <summary>
/// The fields the reference says a resource's list can be filtered on, so a typo fails here with the list of
/// valid names instead of silently returning everything upstream. Resources the reference gives no list for accept any field.
/// </summary>
internal sealed class FilterableFields
{
    private readonly string _resource;
    private readonly HashSet<string>? _fields;
    private readonly bool _metadata;

    private FilterableFields(string resource, HashSet<string>? fields, bool metadata)
    {
        _resource = resource;
        _fields = fields;
        _metadata = metadata;
    }

    public static FilterableFields Transactions { get; } = new("Transactions",
        ["amount", "card_holder", "card_number", "card_type", "created_at", "currency", "customer_id", "error_url", "href_token", "id", "payment_ref", "status", "stored_card_id", "subscription_id", "success_url", "template_id", "test", "transaction_type", "updated_at"],
        metadata: true);

    public static FilterableFields Refunds { get; } = new("Refunds", ["status", "created_at", "amount", "reason"], metadata: false);

    public static FilterableFields StoredCards { get; } = new("Stored cards",
        ["card_holder", "card_number", "card_type", "created_at", "currency", "customer_id", "expires", "id", "status", "test", "token", "updated_at"],
        metadata: false);

    public static FilterableFields Plans { get; } = new("Plans",
        ["created_at", "description", "id", "interval", "interval_unit", "name", "periods", "ref", "status", "trial_length", "updated_at"],
        metadata: false);

    public static FilterableFields Customers { get; } = new("Customers", ["created_at", "id", "ref", "updated_at"], metadata: true);

    public static FilterableFields Any(string resource) => new(resource, null, metadata: true);

    public void Check(string field)
    {
        if (_fields is null || _fields.Contains(field) || (_metadata && FilterFieldName.IsMetadataPath(field)))
        {
            return;
        }

        var supported = string.Join(", ", _fields.Order(StringComparer.Ordinal));
        var metadata = _metadata ? " and metadata paths" : string.Empty;
        throw new ArgumentException($"{_resource} cannot be filtered on '{field}'. Supported: {supported}{metadata}.", nameof(field));
    }
}
