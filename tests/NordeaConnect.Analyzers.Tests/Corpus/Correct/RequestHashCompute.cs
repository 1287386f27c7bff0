using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;

using NordeaConnect.Primitives;

public static class TypedCheckout
{
    public static Dictionary<string, string> Create(string merchantId, string secret, PaymentRef reference, Amount amount, CurrencyCode currency)
    {
        return new Dictionary<string, string>
        {
            ["payment_ref"] = reference.Value,
            ["amount"] = amount.ToUpstreamString(),
            ["currency"] = currency.Code,
            ["hash"] = RequestHash.Compute(merchantId, reference, null, amount, currency, false, secret),
        };
    }
}
