using NordeaConnect.Gateway.Operations;
using Upstream = NordeaConnect.Client;
using V1 = NordeaConnect.Grains.V1;

namespace NordeaConnect.Gateway.Mapping;

public static class CustomerMessages
{
    public static V1.Customer ToMessage(this Versioned<Upstream.Customer> customer)
    {
        ArgumentNullException.ThrowIfNull(customer);
        var message = customer.Entity.ToMessage();
        message.Change = customer.Change.ToMessage();
        return message;
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
