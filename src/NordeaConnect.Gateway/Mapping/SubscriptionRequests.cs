using NordeaConnect.Grains;
using NordeaConnect.Gateway.Results;
using NordeaConnect.Primitives;
using V1 = NordeaConnect.Grains.V1;

namespace NordeaConnect.Gateway.Mapping;

public static class SubscriptionRequests
{
    /// <summary>The update, and the debt to set (the grain sets debt by adding to it: AddDebt).</summary>
    public static (SubscriptionUpdateRequest Update, decimal? Debt) ToUpdate(V1.UpdateSubscriptionRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.ReplaceItems && request.Items.Count > 0)
        {
            throw new GatewayRefusalException(
                ResultCode.InvalidArgument,
                "items were given without replace_items: set replace_items to true to replace the subscription's items with them");
        }

        var debt = request.HasDebt ? RequestFields.SignedAmount(request.Debt, "debt") : (decimal?)null;
        var update = new SubscriptionUpdateRequest
        {
            PlanId = request.HasPlanId ? RequestFields.Id(request.PlanId, "plan_id") : null,
            Status = request.HasStatus ? RequestFields.OneOf(request.Status, "status", "active", "cancelled") : null,
            Quantity = request.HasSubscriptionQuantity ? Quantity(request.SubscriptionQuantity) : null,
            Metadata = MetadataJson.ToJson(request.Metadata),
            StoredCardId = request.HasStoredCardId ? RequestFields.Id(request.StoredCardId, "stored_card_id") : null,
            Items = request.ReplaceItems ? ItemMessages.FromMessages(request.Items) : null,
        };
        return (update, debt);
    }

    private static int Quantity(int quantity) =>
        quantity >= 1
            ? quantity
            : throw new GatewayRefusalException(ResultCode.InvalidArgument, $"subscription_quantity {quantity.ToString(System.Globalization.CultureInfo.InvariantCulture)} must be at least 1");
}
