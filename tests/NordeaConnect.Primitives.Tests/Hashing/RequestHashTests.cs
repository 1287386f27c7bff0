using System.Globalization;
using NordeaConnect.Primitives;

namespace NordeaConnect.Primitives.Tests.Hashing;

public sealed class RequestHashTests
{
    // Each vector shows the concatenated input next to the digest (computed independently with Python's hashlib).
    public static TheoryData<string, string, string?, string, string, bool, string, string, string> Vectors => new()
    {
        // merchant, payment_ref, customer_ref, amount, currency, test, secret | input | md5
        { "3", "ORDER-1", "CUST-9", "10.00", "sek", false, "secret", "3ORDER-1CUST-910.00sekfalsesecret", "cb7ec7a58e3b2088a07c7a3029175118" },
        { "3", "ORDER-1", null, "100.00", "EUR", true, "secret", "3ORDER-1100.00eurtruesecret", "7a77b09fbc58028efe8b64a67fb9c5eb" },
        { "3", "ab", "", "12.34", "sek", false, "secret", "3ab12.34sekfalsesecret", "31ea46072ef683784178ff2b25674891" },
        { "42", "ref", "custö", "1.00", "nok", false, "hemlighet", "42refcustö1.00nokfalsehemlighet", "496209999162cae2c27c1416bb8d60f2" },
    };

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Computes_the_documented_recipe(string merchant, string paymentRef, string? customerRef, string amount, string currency, bool test, string secret, string input, string expected)
    {
        // Compute sends and hashes the currency as its lower-case code; ComputeRaw hashes that same text as it is.
        Assert.Equal(merchant + paymentRef + (customerRef ?? "") + amount + currency.ToLowerInvariant() + (test ? "true" : "false") + secret, input);

        var hash = RequestHash.Compute(merchant, PaymentRef.Parse(paymentRef), customerRef, Amount.Parse(amount), CurrencyCode.Parse(currency), test, secret);

        Assert.Equal(expected, hash);
        Assert.Equal(expected, RequestHash.ComputeRaw(merchant, paymentRef, customerRef, amount, currency.ToLowerInvariant(), test, secret));
        Assert.Matches("^[0-9a-f]{32}$", hash);
    }

    [Theory]
    [InlineData("EUR", "3ORDER-1100.00EURtruesecret", "b2870edc8bbb6bd509e81ed2eac39175")]
    [InlineData("eur", "3ORDER-1100.00eurtruesecret", "7a77b09fbc58028efe8b64a67fb9c5eb")]
    public void ComputeRaw_hashes_the_currency_as_it_was_sent(string currency, string input, string expected)
    {
        Assert.Equal("3ORDER-1100.00" + currency + "truesecret", input);

        Assert.Equal(expected, RequestHash.ComputeRaw("3", "ORDER-1", null, "100.00", currency, test: true, "secret"));
    }

    [Fact]
    public void Is_the_same_under_any_culture()
    {
        var current = CultureInfo.CurrentCulture;
        try
        {
            var hashes = new[] { "sv-SE", "de-DE", "fr-FR", "ar-SA", "fa-IR", "tr-TR" }.Select(name =>
            {
                CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(name);
                return RequestHash.Compute("3", PaymentRef.Parse("ORDER-1"), "CUST-9", Amount.Parse("10.00"), CurrencyCode.Sek, false, "secret");
            });
            Assert.All(hashes, h => Assert.Equal("cb7ec7a58e3b2088a07c7a3029175118", h));
        }
        finally
        {
            CultureInfo.CurrentCulture = current;
        }
    }

    [Fact]
    public void Every_field_changes_the_hash()
    {
        string Hash(string m = "3", string r = "ORDER-1", string? c = "CUST-9", string a = "10.00", string cur = "sek", bool t = false, string s = "secret") =>
            RequestHash.Compute(m, PaymentRef.Parse(r), c, Amount.Parse(a), CurrencyCode.Parse(cur), t, s);

        var all = new[] { Hash(), Hash(m: "4"), Hash(r: "ORDER-2"), Hash(c: null), Hash(a: "10.01"), Hash(cur: "eur"), Hash(t: true), Hash(s: "other") };
        Assert.Equal(all.Length, all.Distinct().Count());
    }

    [Fact]
    public void The_reference_samples_that_drop_fields_give_a_different_hash()
    {
        // The PHP and C# samples in the reference hash fewer fields; the documented recipe wins.
        var documented = RequestHash.Compute("3", PaymentRef.Parse("ORDER-1"), "CUST-9", Amount.Parse("10.00"), CurrencyCode.Sek, false, "secret");
        var withoutCustomerAndTest = RequestHash.ComputeRaw("3", "ORDER-1", null, "10.00", "sek", false, "secret");
        Assert.NotEqual(documented, withoutCustomerAndTest);
    }

    [Theory]
    [InlineData("cb7ec7a58e3b2088a07c7a3029175118", true)]
    [InlineData("CB7EC7A58E3B2088A07C7A3029175118", true)]
    [InlineData("cb7ec7a58e3b2088a07c7a3029175119", false)]
    [InlineData("cb7ec7a58e3b2088a07c7a302917511", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    [InlineData("cb7ec7a58e3b2088a07c7a302917511\u0130", false)]
    public void Matches_compares_ignoring_case(string? candidate, bool expected) =>
        Assert.Equal(expected, RequestHash.Matches(candidate, "3", PaymentRef.Parse("ORDER-1"), "CUST-9", Amount.Parse("10.00"), CurrencyCode.Sek, false, "secret"));

    [Fact]
    public void Missing_required_fields_are_refused() =>
        Assert.Throws<ArgumentNullException>(() => RequestHash.ComputeRaw("3", "r", null, "1.00", "sek", false, null!));
}
