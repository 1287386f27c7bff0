namespace NordeaConnect.Gateway.Changes;

/// <summary>Which entity changed: its kind (transaction, subscription, ...) and its upstream id.</summary>
public readonly record struct EntityKey(string Kind, long Id)
{
    public const string Transaction = "transaction";
    public const string Subscription = "subscription";
    public const string StoredCard = "stored_card";
    public const string Customer = "customer";

    public static EntityKey ForTransaction(long id) => new(Transaction, id);

    public static EntityKey ForSubscription(long id) => new(Subscription, id);

    public override string ToString() => Kind + "/" + Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
