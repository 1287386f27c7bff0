using NordeaConnect.Gateway.Mapping;
using NordeaConnect.Gateway.Results;
using NordeaConnect.Grains.V1;
using NordeaConnect.Primitives;

namespace NordeaConnect.Gateway.Tests.Mapping;

public sealed class RequestFieldsTests
{
    [Theory]
    [InlineData("12.00", 1200)]
    [InlineData("0.01", 1)]
    [InlineData("999999999999.99", 99999999999999)]
    public void Amount_reads_strict_two_decimal_text(string text, long minorUnits) =>
        Assert.Equal(minorUnits, RequestFields.Amount(text, "amount").MinorUnits);

    [Theory]
    [InlineData("12")]
    [InlineData("12.0")]
    [InlineData("12,00")]
    [InlineData("-1.00")]
    [InlineData("1e3")]
    [InlineData(" 12.00")]
    [InlineData("")]
    public void Amount_refuses_anything_else_with_100_100_002_naming_the_value(string text)
    {
        var refusal = Assert.Throws<GatewayRefusalException>(() => RequestFields.Amount(text, "amount"));
        Assert.Equal(ResultCode.InvalidAmount, refusal.Code);
        Assert.Contains("amount", refusal.Message, StringComparison.Ordinal);
        if (text.Length > 0)
        {
            Assert.Contains(text.Trim(), refusal.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Amount_refusal_names_the_field_when_it_is_not_amount()
    {
        var refusal = Assert.Throws<GatewayRefusalException>(() => RequestFields.Amount("5", "vat_amount"));
        Assert.StartsWith("vat_amount: ", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("'5'", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Optional_amount_is_null_when_empty() => Assert.Null(RequestFields.OptionalAmount("", "amount"));

    [Theory]
    [InlineData("12.50", 12.50)]
    [InlineData("-5.00", -5.00)]
    [InlineData("0.00", 0)]
    public void Signed_amount_allows_a_leading_minus(string text, double expected) =>
        Assert.Equal((decimal)expected, RequestFields.SignedAmount(text, "delta"));

    [Theory]
    [InlineData("--5.00")]
    [InlineData("+5.00")]
    [InlineData("-5")]
    [InlineData("5")]
    public void Signed_amount_refuses_malformed_text(string text)
    {
        var refusal = Assert.Throws<GatewayRefusalException>(() => RequestFields.SignedAmount(text, "delta"));
        Assert.Equal(ResultCode.InvalidAmount, refusal.Code);
        Assert.Contains($"delta '{text}'", refusal.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("SEK", "sek")]
    [InlineData("eur", "eur")]
    public void Currency_reads_any_case(string text, string code) => Assert.Equal(code, RequestFields.Currency(text).Code);

    [Theory]
    [InlineData("")]
    [InlineData("xyz")]
    [InlineData("kronor")]
    public void Currency_refuses_unknown_codes_with_100_100_003(string text)
    {
        var refusal = Assert.Throws<GatewayRefusalException>(() => RequestFields.Currency(text));
        Assert.Equal(ResultCode.InvalidCurrency, refusal.Code);
        Assert.Contains("currency", refusal.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("thirteen-char")]
    [InlineData(" lead")]
    public void Payment_ref_refuses_bad_refs_with_100_100_004(string text)
    {
        var refusal = Assert.Throws<GatewayRefusalException>(() => RequestFields.PaymentRef(text));
        Assert.Equal(ResultCode.InvalidPaymentRef, refusal.Code);
        Assert.Contains("payment_ref", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Payment_ref_accepts_twelve_characters() => Assert.Equal("order-000001", RequestFields.PaymentRef("order-000001").Value);

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void Id_must_be_positive(long id)
    {
        var refusal = Assert.Throws<GatewayRefusalException>(() => RequestFields.Id(id, "customer_id"));
        Assert.Equal(ResultCode.InvalidArgument, refusal.Code);
        Assert.StartsWith("customer_id ", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Locale_is_sv_or_en_or_unset()
    {
        Assert.Null(RequestFields.Locale(""));
        Assert.Equal("sv", RequestFields.Locale("sv"));
        Assert.Equal(ResultCode.InvalidArgument, Assert.Throws<GatewayRefusalException>(() => RequestFields.Locale("de")).Code);
    }

    [Fact]
    public void Max_staleness_unset_means_default_and_zero_means_upstream()
    {
        Assert.Null(RequestFields.MaxStaleness(null));
        Assert.Null(RequestFields.MaxStaleness(new ReadOptions()));
        Assert.Equal(TimeSpan.Zero, RequestFields.MaxStaleness(new ReadOptions { MaxStalenessMs = 0 }));
        Assert.Equal(TimeSpan.FromSeconds(2), RequestFields.MaxStaleness(new ReadOptions { MaxStalenessMs = 2000 }));
        Assert.Throws<GatewayRefusalException>(() => RequestFields.MaxStaleness(new ReadOptions { MaxStalenessMs = -1 }));
    }
}
