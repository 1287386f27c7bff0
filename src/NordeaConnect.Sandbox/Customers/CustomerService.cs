using NordeaConnect.Sandbox.Clock;
using NordeaConnect.Sandbox.Errors;
using NordeaConnect.Sandbox.Hosting;
using NordeaConnect.Sandbox.Http;
using NordeaConnect.Sandbox.Store;
using NordeaConnect.Sandbox.Transactions;

namespace NordeaConnect.Sandbox.Customers;

/// <summary>Creates customers (with the merchant's ref or a generated one) and updates their metadata.</summary>
internal sealed class CustomerService(SandboxStore store, SandboxClock time)
{
    public CustomerRecord Create(SandboxMerchant merchant, RequestFields fields)
    {
        var now = time.GetUtcNow();
        var reference = fields.OptionalString("ref", 255);
        var metadata = fields.OptionalMetadata();
        return store.For(merchant.Id).Write(book =>
        {
            if (string.IsNullOrEmpty(reference))
            {
                do
                {
                    reference = CustomerRegistry.GenerateRef();
                }
                while (book.CustomersByRef.ContainsKey(reference));
            }
            else if (book.CustomersByRef.ContainsKey(reference))
            {
                throw new ApiException(SandboxErrors.CustomerRefTaken, reference);
            }

            return CustomerRegistry.Add(book, reference, metadata, now);
        });
    }

    /// <summary>Merges the given metadata into the customer's, as transaction updates do.</summary>
    public CustomerRecord Update(SandboxMerchant merchant, long customerId, RequestFields fields)
    {
        var now = time.GetUtcNow();
        var metadata = fields.OptionalMetadata() ?? throw new ApiException(SandboxErrors.ParameterMissing, "metadata");
        return store.For(merchant.Id).Write(book =>
        {
            var customer = Records.Find(book.Customers, customerId, "customer");
            var updated = customer with { Metadata = MetadataMerge.Merge(customer.Metadata, metadata), UpdatedAt = now };
            book.Customers[customerId] = updated;
            return updated;
        });
    }
}
