using System;
using System.Collections.Generic;
using System.Linq;
using NordeaConnect.Analyzers.Naming;

namespace NordeaConnect.Analyzers.Amounts;

/// <summary>
/// Decides from a name whether a value is money that Nordea Connect reads as an amount
/// (<c>amount</c>, <c>vat_amount</c>, <c>debt</c>, <c>price</c>, <c>setup_fees</c>/<c>prices</c> values).
/// </summary>
internal static class AmountNames
{
    private static readonly HashSet<string> s_moneyWords = new(StringComparer.Ordinal) { "amount", "amounts", "price", "prices", "debt" };

    // A string named "amountText" or "priceString" is the amount itself, only rendered.
    private static readonly HashSet<string> s_renderingWords = new(StringComparer.Ordinal) { "text", "string", "str", "formatted", "value" };

    private static readonly HashSet<string> s_formKeys = new(StringComparer.Ordinal) { "amount", "vat_amount", "debt", "price" };

    private static readonly HashSet<string> s_collectionNames = new(StringComparer.Ordinal) { "prices", "setupfees", "setupfee" };

    /// <summary>True for names like <c>amount</c>, <c>VatAmount</c>, <c>refund_amount</c>, <c>unitPrice</c>, <c>debt</c>, <c>amountText</c>, <c>setupFee</c>.</summary>
    public static bool IsAmountName(string name)
    {
        // Most names in a compilation are not money; rule them out before splitting into words.
        if (!MayBeMoney(name))
        {
            return false;
        }

        var words = IdentifierWords.Split(name);
        if (words.Count == 0)
        {
            return false;
        }

        var last = words[words.Count - 1];
        if (s_moneyWords.Contains(last))
        {
            return true;
        }

        if ((last == "fee" || last == "fees") && words.Contains("setup"))
        {
            return true;
        }

        return words.Count > 1 && s_renderingWords.Contains(last) && s_moneyWords.Contains(words[words.Count - 2]);
    }

    private static bool MayBeMoney(string name) =>
        name.IndexOf("amount", StringComparison.OrdinalIgnoreCase) >= 0
        || name.IndexOf("price", StringComparison.OrdinalIgnoreCase) >= 0
        || name.IndexOf("debt", StringComparison.OrdinalIgnoreCase) >= 0
        || name.IndexOf("fee", StringComparison.OrdinalIgnoreCase) >= 0;

    /// <summary>Names of per-currency amount maps: <c>prices</c> and <c>setup_fees</c> of a billing plan.</summary>
    public static bool IsAmountCollectionName(string name) => s_collectionNames.Contains(IdentifierWords.Normalize(name));

    /// <summary>
    /// Form and JSON keys whose value the API parses as an amount: <c>amount</c>, <c>vat_amount</c>, <c>debt</c>,
    /// <c>price</c>, and bracketed forms such as <c>prices[sek]</c>, <c>setup_fees[eur]</c> or <c>items[0][price]</c>.
    /// </summary>
    public static bool IsFormAmountKey(string key)
    {
        if (s_formKeys.Contains(key))
        {
            return true;
        }

        var open = key.IndexOf('[');
        if (open <= 0 || key[key.Length - 1] != ']')
        {
            return false;
        }

        var head = key.Substring(0, open);
        if (head == "prices" || head == "setup_fees")
        {
            return true;
        }

        var lastOpen = key.LastIndexOf('[');
        var lastSegment = key.Substring(lastOpen + 1, key.Length - lastOpen - 2);
        return s_formKeys.Contains(lastSegment);
    }

    /// <summary>Debt may be negative (a discount); every other amount is not.</summary>
    public static bool AllowsNegative(string name) => IdentifierWords.Split(name).LastOrDefault() == "debt";
}
