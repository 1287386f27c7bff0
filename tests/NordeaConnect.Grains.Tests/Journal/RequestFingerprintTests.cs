using System.Text.Json;
using NordeaConnect.Primitives;

namespace NordeaConnect.Grains.Tests.Journal;

public sealed class RequestFingerprintTests
{
    [Fact]
    public void The_same_fields_in_any_order_give_the_same_fingerprint()
    {
        var first = new RequestFingerprint("refund").Add("amount", Amount.Parse("5.00")).Add("reason", "x").Compute();
        var second = new RequestFingerprint("refund").Add("reason", "x").Add("amount", Amount.Parse("5.00")).Compute();

        Assert.Equal(first, second);
        Assert.StartsWith("sha256:", first, StringComparison.Ordinal);
    }

    [Fact]
    public void Another_value_operation_or_field_boundary_gives_another_fingerprint()
    {
        var baseline = new RequestFingerprint("refund").Add("amount", Amount.Parse("5.00")).Add("reason", "ab").Compute();

        Assert.NotEqual(baseline, new RequestFingerprint("refund").Add("amount", Amount.Parse("5.01")).Add("reason", "ab").Compute());
        Assert.NotEqual(baseline, new RequestFingerprint("capture").Add("amount", Amount.Parse("5.00")).Add("reason", "ab").Compute());
        // Length prefixes keep "a"+"b" apart from "ab"+"".
        Assert.NotEqual(
            new RequestFingerprint("op").Add("x", "a").Add("y", "b").Compute(),
            new RequestFingerprint("op").Add("x", "ab").Add("y", string.Empty).Compute());
    }

    [Fact]
    public void Json_formatting_and_key_order_do_not_matter_but_values_do()
    {
        static string Of(string json) => new RequestFingerprint("update").Add("metadata", JsonDocument.Parse(json).RootElement).Compute();

        Assert.Equal(Of("""{"a":1,"b":{"c":[1,2]}}"""), Of("""{ "b": { "c": [1, 2] }, "a": 1 }"""));
        Assert.NotEqual(Of("""{"a":1}"""), Of("""{"a":2}"""));
        Assert.NotEqual(Of("""{"b":{"c":[1,2]}}"""), Of("""{"b":{"c":[2,1]}}"""));
    }

    [Fact]
    public void A_card_counts_by_its_last_four_digits_and_never_by_the_full_number_or_cvv()
    {
        var card = new CardDetails("4111111111111111", "123", "Ann", "1230", "visa");
        var otherCvv = new CardDetails("4111111111111111", "999", "Ann", "1230", "visa");
        var otherNumber = new CardDetails("4000000000000002", "123", "Ann", "1230", "visa");

        var fingerprint = new RequestFingerprint("create").Add("card", card).Compute();

        Assert.Equal(fingerprint, new RequestFingerprint("create").Add("card", otherCvv).Compute());
        Assert.NotEqual(fingerprint, new RequestFingerprint("create").Add("card", otherNumber).Compute());
        Assert.DoesNotContain("4111111111111111", card.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("123", card.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Unset_fields_are_left_out()
    {
        Assert.Equal(
            new RequestFingerprint("op").Add("a", "1").Compute(),
            new RequestFingerprint("op").Add("a", "1").Add("b", (string?)null).Add("c", (Amount?)null).Compute());
    }
}
