using NordeaConnect.Grains;
using V1 = NordeaConnect.Grains.V1;

namespace NordeaConnect.Gateway.Mapping;

public static class CustomerMessages
{
    /// <summary>A customer as its grain holds it, with its change count; a listed one comes here through <c>UpstreamSnapshots.From</c>.</summary>
    public static V1.Customer ToMessage(this CustomerSnapshot customer)
    {
        ArgumentNullException.ThrowIfNull(customer);
        return new V1.Customer
        {
            Id = customer.Id,
            Ref = customer.Ref ?? string.Empty,
            Metadata = MetadataJson.FromJson(customer.Metadata),
            CreatedAt = Timestamps.From(customer.CreatedAt),
            UpdatedAt = Timestamps.From(customer.UpdatedAt),
            Change = customer.Change.ToMessage(),
        };
    }
}
