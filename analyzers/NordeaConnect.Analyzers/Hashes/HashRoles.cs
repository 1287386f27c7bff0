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
        "merchantid" => HashRole.MerchantId,
        "amount" => HashRole.Amount,
        "currency" => HashRole.Currency,
        "paymentref" => HashRole.PaymentRef,
        "customerref" => HashRole.CustomerRef,
        "test" => HashRole.Test,
        _ => HashRole.Unknown,
    };

    /// <summary>
    /// The recipe field a piece of the hashed text is. First by what the value is: a literal (<c>"sek"</c>, <c>"10.00"</c>),
    /// a typed value (<c>Amount</c>, <c>bool</c>, a number with decimals); then by where it comes from: the form field the
    /// same value fills in the same request (<c>orderNo</c> sent as <c>payment_ref</c> is the payment_ref); last by the
    /// recipe's own words on the way (<c>merchantId</c>, <c>secret</c>, a configuration key <c>"Nordea:Secret"</c>).
    /// Anything else is <see cref="HashRole.Unknown"/>: the flow could not be followed.
    /// </summary>
    public static HashRole Classify(IOperation part, KnownTypes types, SentRequestValues sent)
    {
        var core = StripRendering(part, types);
        if (core.TryGetConstantString(out var literal))
        {
            return ClassifyConstant(literal, sent);
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

        var names = new List<string>();
        var origin = ValueFlow.Origin(part, types, names);
        if (origin.TryGetConstantString(out var originLiteral))
        {
            return ClassifyConstant(originLiteral, sent);
        }

        var bySent = sent.RoleOf(ValueFlow.Key(origin));
        if (bySent != HashRole.Unknown)
        {
            return bySent;
        }

        if (byType == HashRole.Test || ClassifyType(origin.Type, types) == HashRole.Test)
        {
            return HashRole.Test;
        }

        CollectNames(origin, names);
        foreach (var name in names)
        {
            var byName = ClassifyName(name);
            if (byName != HashRole.Unknown)
            {
                return byName;
            }
        }

        return KnownTypes.IsNumberWithDecimals(core.Type) || KnownTypes.IsNumberWithDecimals(origin.Type) ? HashRole.Amount : HashRole.Unknown;
    }

    private static HashRole ClassifyConstant(string literal, SentRequestValues sent)
    {
        var bySent = sent.RoleOfConstant(literal);
        return bySent != HashRole.Unknown ? bySent : ClassifyLiteral(literal);
    }

    /// <summary>The names a value is read through: <c>Settings.ApiSecret</c>, <c>config["Nordea:Secret"]</c>, <c>GetEnvironmentVariable("NC_SECRET")</c>.</summary>
    private static void CollectNames(IOperation origin, List<string> names)
    {
        IOperation? current = origin.WithoutConversions();
        for (var depth = 0; current is not null && depth < 3; depth++)
        {
            if (current.GetReferencedName() is { } name)
            {
                names.Add(name);
            }

            if (current is IInvocationOperation invocation)
            {
                foreach (var argument in invocation.Arguments)
                {
                    if (argument.Value.TryGetConstantString(out var key))
                    {
                        names.Add(key);
                    }
                }
            }

            current = current switch
            {
                IPropertyReferenceOperation { Property.IsIndexer: false } property => property.Instance?.WithoutConversions(),
                IFieldReferenceOperation field => field.Instance?.WithoutConversions(),
                _ => null,
            };
        }
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

                case IInvocationOperation invocation when SingleFormattedItem(invocation, types) is { } item:
                    current = item.WithoutConversions();
                    continue;

                case IInterpolatedStringOperation { Parts.Length: 1 } interpolated when interpolated.Parts[0] is IInterpolationOperation hole:
                    current = hole.Expression.WithoutConversions();
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

    /// <summary>
    /// The recipe's own words only: <c>merchant_id</c>/<c>username</c>, <c>payment_ref</c>, <c>customer_ref</c>,
    /// <c>amount</c>, <c>currency</c>, <c>test</c>, <c>secret</c>. Words that only suggest a field (<c>orderNo</c>,
    /// <c>total</c>, <c>supporterId</c>) decide nothing: the flow to the form decides those.
    /// </summary>
    public static HashRole ClassifyName(string name)
    {
        var words = IdentifierWords.Split(name);
        if (words.Count == 0)
        {
            return HashRole.Unknown;
        }

        bool Has(string word) => words.Contains(word);
        var last = words[words.Count - 1];

        if (Has("secret"))
        {
            return HashRole.Secret;
        }

        var isReference = Has("ref") || Has("reference");
        if (Has("customer") && isReference)
        {
            return HashRole.CustomerRef;
        }

        if ((Has("merchant") && (Has("id") || Has("username") || Has("name"))) || Has("username") || (Has("user") && Has("name")))
        {
            return HashRole.MerchantId;
        }

        if (Has("payment") && isReference)
        {
            return HashRole.PaymentRef;
        }

        if (last == "ref" && words.Count == 1)
        {
            return HashRole.PaymentRef;
        }

        if (last == "amount" || (Has("amount") && last is "text" or "string" or "str" or "formatted"))
        {
            return HashRole.Amount;
        }

        if (Has("currency"))
        {
            return HashRole.Currency;
        }

        return Has("test") ? HashRole.Test : HashRole.Unknown;
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

    /// <summary>
    /// The one value a formatting call renders: <c>string.Format(provider, "{0:0.00}", x)</c>,
    /// <c>FormattableString.Invariant($"{x:0.00}")</c>, <c>string.Create(CultureInfo.InvariantCulture, $"{x}")</c>.
    /// </summary>
    private static IOperation? SingleFormattedItem(IInvocationOperation invocation, KnownTypes types)
    {
        var method = invocation.TargetMethod;
        if (method.IsStatic && method.Name == "Format" && method.ContainingType?.SpecialType == SpecialType.System_String)
        {
            var values = NumberFormatting.ExpandArguments(invocation);
            var formatIndex = values.Count > 0 && values[0].WithoutConversions().Type?.SpecialType != SpecialType.System_String ? 1 : 0;
            return values.Count == formatIndex + 2
                && values[formatIndex].TryGetConstantString(out var format)
                && CompositeFormat.ReadItemFormats(format).Count == 1
                && format.Trim().StartsWith("{", System.StringComparison.Ordinal) && format.Trim().EndsWith("}", System.StringComparison.Ordinal)
                ? values[formatIndex + 1]
                : null;
        }

        var isInvariant = method.Name == "Invariant" && KnownTypes.Is(method.ContainingType, types.FormattableString);
        var isCreate = method.IsStatic && method.Name == "Create" && method.ContainingType?.SpecialType == SpecialType.System_String;
        if ((isInvariant || isCreate) && invocation.Arguments.Length >= 1)
        {
            var text = invocation.Arguments[invocation.Arguments.Length - 1].Value.WithoutConversions();
            if (text is IInterpolatedStringHandlerCreationOperation handler)
            {
                text = handler.Content;
            }

            if (text is IInterpolatedStringOperation { Parts.Length: 1 } single && single.Parts[0] is IInterpolationOperation hole)
            {
                return hole.Expression;
            }

            if (text is IInterpolatedStringAdditionOperation or IInterpolatedStringOperation)
            {
                return null;
            }

            // Handler-based content arrives as AppendFormatted calls; the one value is the first argument of the only one.
            IOperation? only = null;
            foreach (var operation in text.DescendantsAndSelf())
            {
                if (operation is IInterpolatedStringAppendOperation { Kind: OperationKind.InterpolatedStringAppendFormatted } append)
                {
                    if (only is not null)
                    {
                        return null;
                    }

                    only = append.AppendCall;
                }
            }

            return only is IInvocationOperation call && call.Arguments.Length > 0 ? call.Arguments[0].Value : null;
        }

        return null;
    }

    private static bool IsStaticWrapper(IMethodSymbol method, KnownTypes types)
    {
        // URL encoding changes how a value travels, not which value it is.
        if (method.IsStatic && method.Parameters.Length == 1 && method.Name is "EscapeDataString" or "UrlEncode" or "EscapeUriString")
        {
            return true;
        }

        // A small conversion method of the caller's own (ToApiAmount(total), total.ToWire()): the value is its argument.
        if (method.IsStatic && method.Parameters.Length == 1 && method.ReturnType.SpecialType == SpecialType.System_String
            && method.Locations.Length > 0 && method.Locations[0].IsInSource)
        {
            return true;
        }

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
