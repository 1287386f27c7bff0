namespace NordeaConnect.Analyzers.Tests.Corpus;

/// <summary>Ordinary, correct code around Nordea Connect calls: every rule must stay silent on all of it.</summary>
internal static class CorrectSnippets
{
    public static TheoryData<string, string> All => new()
    {
        { "RequestHash.Compute with typed values", """
            using System.Collections.Generic;
            using NordeaConnect.Primitives;

            public static class Payments
            {
                public static Dictionary<string, string> Create(string merchantId, PaymentRef paymentRef, Amount amount, CurrencyCode currency, bool test, string secret) => new()
                {
                    ["amount"] = amount.ToUpstreamString(),
                    ["currency"] = currency.Code,
                    ["payment_ref"] = paymentRef.Value,
                    ["test"] = test ? "true" : "false",
                    ["hash"] = RequestHash.Compute(merchantId, paymentRef, null, amount, currency, test, secret),
                };
            }
            """ },
        { "hand-built hash in the documented order", """
            using System;
            using System.Globalization;
            using System.Security.Cryptography;
            using System.Text;

            public static class Hashes
            {
                public static string Compute(string merchantId, string paymentRef, string? customerRef, decimal amount, string currency, bool test, string secret)
                {
                    var text = merchantId + paymentRef + (customerRef ?? "") + amount.ToString("0.00", CultureInfo.InvariantCulture) + currency + (test ? "true" : "false") + secret;
                    return Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(text))).ToLowerInvariant();
                }
            }
            """ },
        { "StringBuilder hash with a lower-case hex loop", """
            using System.Globalization;
            using System.Security.Cryptography;
            using System.Text;

            public static class Hashes
            {
                public static string Compute(string merchantId, string paymentRef, string customerRef, decimal amount, string currency, bool test, string hashSecret)
                {
                    var text = new StringBuilder()
                        .Append(merchantId).Append(paymentRef).Append(customerRef)
                        .Append(amount.ToString("F2", CultureInfo.InvariantCulture)).Append(currency)
                        .Append(test ? "true" : "false").Append(hashSecret);
                    using var md5 = MD5.Create();
                    var hash = md5.ComputeHash(Encoding.UTF8.GetBytes(text.ToString()));
                    var hex = new StringBuilder(32);
                    foreach (var b in hash)
                    {
                        hex.Append(b.ToString("x2", CultureInfo.InvariantCulture));
                    }

                    return hex.ToString();
                }
            }
            """ },
        { "invariant interpolation and BitConverter without dashes", """
            using System;
            using System.Globalization;
            using System.Security.Cryptography;
            using System.Text;

            public static class Hashes
            {
                public static string Compute(int merchantId, string paymentRef, string customerRef, decimal amount, string currency, bool test, string secret)
                {
                    var text = string.Create(CultureInfo.InvariantCulture, $"{merchantId}{paymentRef}{customerRef}{amount:0.00}{currency}{(test ? "true" : "false")}{secret}");
                    return BitConverter.ToString(MD5.HashData(Encoding.UTF8.GetBytes(text))).Replace("-", "").ToLowerInvariant();
                }
            }
            """ },
        { "MD5 used for something else than the request hash", """
            using System;
            using System.IO;
            using System.Security.Cryptography;
            using System.Text;

            public static class Checksums
            {
                public static string ETag(string body, int version) => "\"" + Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(body + "|" + version))) + "\"";

                public static string File(Stream stream) => Convert.ToBase64String(MD5.Create().ComputeHash(stream));
            }
            """ },
        { "form with invariant amounts and other numbers", """
            using System.Collections.Generic;
            using System.Globalization;
            using System.Net.Http;

            public static class Refunds
            {
                public static FormUrlEncodedContent Create(long transactionId, decimal amount, int quantity, double exchangeRate) =>
                    new(new[]
                    {
                        new KeyValuePair<string, string>("transaction_id", transactionId.ToString(CultureInfo.InvariantCulture)),
                        new KeyValuePair<string, string>("amount", amount.ToString("0.00", CultureInfo.InvariantCulture)),
                        new KeyValuePair<string, string>("subscription_quantity", quantity.ToString(CultureInfo.InvariantCulture)),
                        new KeyValuePair<string, string>("reason", "rate " + exchangeRate.ToString(CultureInfo.InvariantCulture)),
                        new KeyValuePair<string, string>("locale", "en"),
                    });
            }
            """ },
        { "plan prices and setup fees as two-decimal text", """
            using System.Collections.Generic;
            using NordeaConnect.Primitives;

            public sealed class CreatePlanRequest
            {
                public Dictionary<string, string> Prices { get; set; } = new();
                public Dictionary<string, string> SetupFees { get; set; } = new();
                public string Name { get; set; } = "";
                public int Interval { get; set; }
            }

            public static class Plans
            {
                public static CreatePlanRequest Monthly(Amount sek, Amount eur) => new()
                {
                    Name = "Monthly",
                    Interval = 1,
                    Prices = new Dictionary<string, string> { ["sek"] = sek.ToUpstreamString(), ["eur"] = eur.ToString() },
                    SetupFees = new Dictionary<string, string> { ["sek"] = "0.00" },
                };
            }
            """ },
        { "negative debt and subscription update", """
            using System.Collections.Generic;

            public sealed class UpdateSubscriptionRequest
            {
                public string Debt { get; set; } = "";
                public string Status { get; set; } = "";
                public int SubscriptionQuantity { get; set; }
            }

            public static class Subscriptions
            {
                public static UpdateSubscriptionRequest Discount() => new() { Debt = "-25.00", Status = "active", SubscriptionQuantity = 2 };

                public static Dictionary<string, string> Form() => new() { ["debt"] = "12.50", ["plan_id"] = "7" };
            }
            """ },
        { "money as decimal and Amount, ratios as double", """
            using NordeaConnect.Primitives;

            public sealed record Cost(decimal FixedFee, double PercentualFee, double PercentualExchangeFee)
            {
                public decimal Total(Amount amount) => FixedFee + amount.Value * (decimal)(PercentualFee + PercentualExchangeFee);
            }

            public static class Orders
            {
                public static Amount Line(decimal unitPrice, int quantity, double discountRatio) =>
                    Amount.FromDecimal(decimal.Round(unitPrice * quantity * (decimal)(1 - discountRatio), 2));
            }
            """ },
        { "amounts rendered for people, not for the API", """
            using System.Globalization;

            public sealed class ReceiptViewModel
            {
                public string Heading { get; set; } = "";
                public string TotalLabel { get; set; } = "";
            }

            public static class Receipts
            {
                public static ReceiptViewModel Build(decimal amount, CultureInfo culture) => new()
                {
                    Heading = "Receipt",
                    TotalLabel = amount.ToString("C", culture),
                };

                public static string Log(decimal amount) => string.Format(CultureInfo.InvariantCulture, "Charged {0}", amount);
            }
            """ },
        { "secrets read from configuration", """
            using System;
            using System.Collections.Generic;

            public sealed class NordeaConnectOptions
            {
                public string MerchantId { get; set; } = "";
                public string ApiPassword { get; set; } = "";
                public string HashSecret { get; set; } = "";
            }

            public static class Configuration
            {
                public static NordeaConnectOptions Read(IReadOnlyDictionary<string, string> settings) => new()
                {
                    MerchantId = settings["NordeaConnect:MerchantId"],
                    ApiPassword = settings["NordeaConnect:ApiPassword"],
                    HashSecret = Environment.GetEnvironmentVariable("NC_HASH_SECRET") ?? throw new InvalidOperationException("NC_HASH_SECRET is not set."),
                };
            }
            """ },
        { "gRPC-style message with amount strings", """
            using Google.Protobuf;
            using NordeaConnect.Primitives;

            namespace Google.Protobuf
            {
                public interface IMessage { }
            }

            public sealed class CaptureTransactionRequest : IMessage
            {
                public string TransactionId { get; set; } = "";
                public string Amount { get; set; } = "";
            }

            public static class Messages
            {
                public static CaptureTransactionRequest Capture(long id, Amount amount) => new()
                {
                    TransactionId = id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    Amount = amount.ToUpstreamString(),
                };
            }
            """ },
        { "Amount parsing of caller input", """
            using NordeaConnect.Primitives;

            public static class Inputs
            {
                public static Amount Read(string amountText) => Amount.Parse(amountText);

                public static Amount Fixed() => Amount.Parse("725.00");
            }
            """ },
        { "integers turned into text", """
            using System.Collections.Generic;

            public static class Listing
            {
                public static Dictionary<string, string> Page(int page, int perPage, long customerId) => new()
                {
                    ["page"] = page.ToString(),
                    ["per_page"] = perPage + "",
                    ["customer_id"] = $"{customerId}",
                };
            }
            """ },
    };
}
