namespace NordeaConnect.Analyzers.Hashes;

/// <summary>The fields of the documented recipe, in its order: MD5(merchant_id + payment_ref + customer_ref + amount + currency + test + secret).</summary>
internal enum HashRole
{
    Unknown = 0,
    MerchantId = 1,
    PaymentRef = 2,
    CustomerRef = 3,
    Amount = 4,
    Currency = 5,
    Test = 6,
    Secret = 7,
}
