namespace NordeaConnect.Grains;

/// <summary>The operation names journal entries carry.</summary>
public static class OperationNames
{
    public const string CreateTransaction = "transaction.create";
    public const string UpdateTransaction = "transaction.update";
    public const string Capture = "transaction.capture";
    public const string Refund = "transaction.refund";
    public const string UpdateSubscription = "subscription.update";
    public const string AddDebt = "subscription.add_debt";
    public const string CreateCustomer = "customer.create";
    public const string UpdateCustomer = "customer.update";
    public const string UpdateStoredCardStatus = "stored_card.status";
    public const string DeleteStoredCard = "stored_card.delete";
    public const string CreatePlan = "plan.create";
}
