using NordeaConnect.Grains;
using Upstream = NordeaConnect.Client;
using V1 = NordeaConnect.Grains.V1;

namespace NordeaConnect.Gateway.Mapping;

public static class CustomerMessages
{
    /// <summary>A customer as its grain holds it, with its change count.</summary>
    public static V1.Customer ToMessage(this CustomerSnapshot customer)
    {
        ArgumentNullException.ThrowIfNull(customer);
        return new V1.Customer
        {
            Id = customer.Id,
            Ref = customer.Ref ?? string.Empty,
            Metadata = MetadataJson.FromJson(customer.Metadata),
            CreatedAt = Timestamps.From(customer.CreatedAt),
            Change = customer.Change.ToMessage(),
        };
    }

    public static V1.Customer ToMessage(this Upstream.Customer customer)
    {
        ArgumentNullException.ThrowIfNull(customer);
        return new V1.Customer
        {
            Id = customer.Id,
            Ref = customer.Ref ?? string.Empty,
            Metadata = MetadataJson.FromJson(customer.Metadata),
            CreatedAt = Timestamps.From(customer.CreatedAt),
        };
    }
}
