using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using NordeaConnect.Analyzers.Amounts;
using NordeaConnect.Analyzers.Naming;

namespace NordeaConnect.Analyzers.Hashes;

/// <summary>Works out which recipe field a piece of a hand-built hash is, from its type, its name or its literal text.</summary>
internal static class HashRoles
{
    public static readonly HashRole[] Recipe =
    {
        HashRole.MerchantId, HashRole.PaymentRef, HashRole.CustomerRef, HashRole.Amount, HashRole.Currency, HashRole.Test, HashRole.Secret,
    };

    // The 42 currencies of the reference.
    private static readonly HashSet<string> s_currencies = new(StringComparer.OrdinalIgnoreCase)
    {
        "sek", "cad", "cny", "cop", "czk", "dkk", "hkd", "huf", "isk", "inr", "ils", "jpy", "kes", "krw", "kwd", "lvl", "myr", "mxn", "mad", "omr", "nzd",
        "nok", "pab", "qar", "rub", "sar", "sgd", "zar", "chf", "thb", "ttd", "aed", "gbp", "usd", "twd", "vef", "ron", "try", "eur", "uah", "pln", "brl",
    };

    public static string ToWireName(HashRole role) => role switch
    {
        HashRole.MerchantId => "merchant_id",
        HashRole.PaymentRef => "payment_ref",
        HashRole.CustomerRef => "customer_ref",
        HashRole.Amount => "amount",
        HashRole.Currency => "currency",
        HashRole.Test => "test",
        HashRole.Secret => "secret",
        _ => "unknown",
    };

    /// <summary>The form or property name under which a request sends the value of a field, if it is one the hash covers.</summary>
    public static HashRole FromSentName(string name) => IdentifierWords.Normalize(name) switch
    {
        "amount" => HashRole.Amount,
        "currency" => HashRole.Currency,
        "paymentref" => HashRole.PaymentRef,
        "customerref" => HashRole.CustomerRef,
        "test" => HashRole.Test,
        _ => HashRole.Unknown,
    };

    public static HashRole Classify(IOperation part, KnownTypes types)
    {
        var core = StripRendering(part, types);
        if (core.TryGetConstantString(out var literal))
        {
            return ClassifyLiteral(literal);
        }

        if (core.ConstantValue.HasValue && core.ConstantValue.Value is bool)
        {
            return HashRole.Test;
        }

        var byType = ClassifyType(core.Type, types);
        if (byType != HashRole.Unknown && byType != HashRole.Test)
        {
            return byType;
        }

        // Try the value's own name, then the object it was read from: "currency.Code", "Settings.ApiSecret", "order.Total".
        IOperation? current = core;
        for (var depth = 0; current is not null && depth < 3; depth++)
        {
            var name = current.GetReferencedName();
            if (name is not null)
            {
                var byName = ClassifyName(name);
                if (byName != HashRole.Unknown)
                {
                    return byName;
                }
            }

            current = current switch
            {
                IPropertyReferenceOperation { Property.IsIndexer: false } property => property.Instance?.WithoutConversions(),
                IFieldReferenceOperation field => field.Instance?.WithoutConversions(),
                _ => null,
            };
        }

        if (byType == HashRole.Test)
        {
            return HashRole.Test;
        }

        return KnownTypes.IsNumberWithDecimals(core.Type) ? HashRole.Amount : HashRole.Unknown;
    }

    /// <summary>
    /// The value under its rendering: <c>test</c> for <c>test.ToString().ToLowerInvariant()</c> or
    /// <c>test ? "true" : "false"</c>, <c>amount</c> for <c>amount.ToString("0.00", ...)</c>, <c>r</c> for <c>PaymentRef.Parse(r)</c>.
    /// </summary>
    public static IOperation StripRendering(IOperation operation, KnownTypes types)
    {
        var current = operation.WithoutConversions();
        for (var depth = 0; depth < 8; depth++)
        {
            switch (current)
            {
                case IInvocationOperation { Instance: { } instance } invocation when IsRenderingMethod(invocation.TargetMethod.Name):
                    current = instance.WithoutConversions();
                    continue;

                case IInvocationOperation { Instance: null, Arguments.Length: >= 1 } invocation when IsStaticWrapper(invocation.TargetMethod, types):
                    current = NumberFormatting.ExpandArguments(invocation)[0].WithoutConversions();
                    continue;

                case IConditionalOperation { WhenFalse: { } whenFalse } conditional
                    when conditional.WhenTrue.TryGetConstantString(out _) && whenFalse.TryGetConstantString(out _):
                    current = conditional.Condition.WithoutConversions();
                    continue;

                case ICoalesceOperation coalesce when coalesce.WhenNull.TryGetConstantString(out var fallback) && fallback.Length == 0:
                    current = coalesce.Value.WithoutConversions();
                    continue;

                default:
                    return current;
            }
        }

        return current;
    }

    public static HashRole ClassifyLiteral(string literal)
    {
        var text = literal.Trim();
        if (text.Equals("true", StringComparison.OrdinalIgnoreCase) || text.Equals("false", StringComparison.OrdinalIgnoreCase))
        {
            return HashRole.Test;
        }

        if (s_currencies.Contains(text))
        {
            return HashRole.Currency;
        }

        return LooksLikeAmount(text) ? HashRole.Amount : HashRole.Unknown;
    }

    public static HashRole ClassifyName(string name)
    {
        var words = IdentifierWords.Split(name);
        bool Has(string word) => words.Contains(word);

        if (Has("secret"))
        {
            return HashRole.Secret;
        }

        var isReference = Has("ref") || Has("reference");
        if (Has("customer") && isReference)
        {
            return HashRole.CustomerRef;
        }

        if (Has("merchant") || Has("username") || (Has("user") && Has("name")))
        {
            return HashRole.MerchantId;
        }

        if (isReference || (Has("order") && (Has("id") || Has("number"))))
        {
            return HashRole.PaymentRef;
        }

        if (AmountNames.IsAmountName(name) || Has("total"))
        {
            return HashRole.Amount;
        }

        if (Has("currency"))
        {
            return HashRole.Currency;
        }

        return Has("test") || Has("sandbox") ? HashRole.Test : HashRole.Unknown;
    }

    private static HashRole ClassifyType(ITypeSymbol? type, KnownTypes types)
    {
        if (KnownTypes.Is(type, types.Amount))
        {
            return HashRole.Amount;
        }

        if (KnownTypes.Is(type, types.CurrencyCode))
        {
            return HashRole.Currency;
        }

        if (KnownTypes.Is(type, types.PaymentRef))
        {
            return HashRole.PaymentRef;
        }

        return type?.SpecialType == SpecialType.System_Boolean ? HashRole.Test : HashRole.Unknown;
    }

    private static bool IsRenderingMethod(string name) =>
        name is "ToString" or "ToLower" or "ToLowerInvariant" or "ToUpper" or "ToUpperInvariant" or "Trim" or "ToUpstreamString";

    private static bool IsStaticWrapper(IMethodSymbol method, KnownTypes types)
    {
        if (method.Name == "ToString" && KnownTypes.Is(method.ContainingType, types.Convert))
        {
            return true;
        }

        if (method.ContainingType?.SpecialType == SpecialType.System_Boolean && method.Name == "Parse")
        {
            return true;
        }

        var owner = method.ContainingType;
        return (KnownTypes.Is(owner, types.Amount) && method.Name is "Parse" or "ParseUpstream" or "FromDecimal")
            || (KnownTypes.Is(owner, types.CurrencyCode) && method.Name == "Parse")
            || (KnownTypes.Is(owner, types.PaymentRef) && method.Name == "Parse");
    }

    private static bool LooksLikeAmount(string text)
    {
        var digits = 0;
        var separators = 0;
        foreach (var c in text)
        {
            if (c >= '0' && c <= '9')
            {
                digits++;
            }
            else if (c is '.' or ',')
            {
                separators++;
            }
            else
            {
                return false;
            }
        }

        return digits > 0 && separators <= 1;
    }
}
