using System.Security.Cryptography;
using NordeaConnect.Sandbox.Store;

namespace NordeaConnect.Sandbox.Customers;

/// <summary>Finds customers by the merchant's own ref, creating them on first use as payments with customer_ref do.</summary>
internal static class CustomerRegistry
{
    /// <summary>Call under the merchant's write lock.</summary>
    public static CustomerRecord FindOrCreate(MerchantBook book, string reference, DateTimeOffset now)
    {
        if (book.CustomersByRef.TryGetValue(reference, out var existing))
        {
            return book.Customers[existing];
        }

        return Add(book, reference, null, now);
    }

    /// <summary>Call under the merchant's write lock, after checking the ref is free.</summary>
    public static CustomerRecord Add(MerchantBook book, string reference, System.Text.Json.JsonElement? metadata, DateTimeOffset now)
    {
        var customer = new CustomerRecord(book.Ids.NextCustomer(), now, now, reference, metadata);
        book.Customers[customer.Id] = customer;
        book.CustomersByRef[reference] = customer.Id;
        return customer;
    }

    /// <summary>A ref for a customer created without one, as the reference says Nordea Connect generates.</summary>
    public static string GenerateRef() => "cus_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
}
