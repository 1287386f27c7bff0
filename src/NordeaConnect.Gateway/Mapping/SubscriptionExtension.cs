using NordeaConnect.Grains;
using Upstream = NordeaConnect.Client;

namespace NordeaConnect.Gateway.Mapping;

/// <summary>The child objects a caller asked whole with <c>extend</c> (customer, plan, stored_card); null where not asked.</summary>
public sealed record SubscriptionExtension(CustomerSnapshot? Customer, PlanSnapshot? Plan, StoredCardSnapshot? StoredCard)
{
    /// <summary>The children names a Get may extend: the reference's object names them.</summary>
    public static IReadOnlyList<string> Names { get; } = ["customer", "plan", "stored_card"];

    /// <summary>
    /// The nested objects of a listed subscription for the children the list asked to extend (whole or by attribute,
    /// e.g. <c>customer.ref</c>), each through the same record conversion as the entity itself.
    /// </summary>
    public static SubscriptionExtension? Of(Upstream.Subscription subscription, IReadOnlyCollection<string> extend)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        ArgumentNullException.ThrowIfNull(extend);
        if (extend.Count == 0)
        {
            return null;
        }

        return new SubscriptionExtension(
            Asked(extend, "customer") && subscription.Customer is { } customer ? UpstreamSnapshots.From(customer) : null,
            Asked(extend, "plan") && subscription.Plan is { } plan ? UpstreamSnapshots.From(plan) : null,
            Asked(extend, "stored_card") && subscription.StoredCard is { } card ? UpstreamSnapshots.From(card) : null);
    }

    /// <summary>Whether <paramref name="extend"/> names <paramref name="child"/> whole or one of its attributes.</summary>
    public static bool Asked(IEnumerable<string> extend, string child) =>
        extend.Any(e => string.Equals(e, child, StringComparison.Ordinal) || e.StartsWith(child + ".", StringComparison.Ordinal));
}
