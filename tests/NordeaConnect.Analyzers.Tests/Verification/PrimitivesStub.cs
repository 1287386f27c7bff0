namespace NordeaConnect.Analyzers.Tests.Verification;

/// <summary>
/// A compact stand-in for NordeaConnect.Primitives with the signatures the fixes target. It is compiled into every
/// test project, so it is also checked: the rules must find nothing in it.
/// </summary>
internal static class PrimitivesStub
{
    public const string FileName = "Primitives.cs";

    public const string Source = """
        using System;
        using System.Globalization;
        using System.Security.Cryptography;
        using System.Text;

        namespace NordeaConnect.Primitives
        {
            public readonly struct Amount
            {
                private Amount(decimal value) => Value = value;

                public decimal Value { get; }

                public static Amount FromDecimal(decimal value) =>
                    value < 0 || decimal.Round(value, 2) != value ? throw new ArgumentOutOfRangeException(nameof(value)) : new Amount(value);

                public static Amount Parse(string text) =>
                    FromDecimal(decimal.Parse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture));

                public string ToUpstreamString() => Value.ToString("0.00", CultureInfo.InvariantCulture);

                public override string ToString() => ToUpstreamString();
            }

            public readonly struct CurrencyCode
            {
                private CurrencyCode(string code) => Code = code;

                public string Code { get; }

                public static CurrencyCode Parse(string text) => new CurrencyCode(text.ToLowerInvariant());

                public override string ToString() => Code;
            }

            public readonly struct PaymentRef
            {
                private PaymentRef(string value) => Value = value;

                public string Value { get; }

                public static PaymentRef Parse(string text) => new PaymentRef(text);

                public override string ToString() => Value;
            }

            public static class RequestHash
            {
                public static string Compute(string merchantId, PaymentRef paymentRef, string? customerRef, Amount amount, CurrencyCode currency, bool test, string secret)
                {
                    var text = merchantId + paymentRef.Value + (customerRef ?? "") + amount.ToUpstreamString() + currency.Code + (test ? "true" : "false") + secret;
                    return Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(text)));
                }
            }
        }
        """;
}
