using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using NordeaConnect.Analyzers.Naming;

namespace NordeaConnect.Analyzers.Amounts;

/// <summary>
/// Finds out whether a value lands where Nordea Connect reads an amount: our <c>Amount</c>, a request or gRPC
/// message property named like an amount, a parameter named like one, a form field <c>amount</c>, <c>vat_amount</c>,
/// <c>debt</c>, <c>price</c>, or a value of the <c>prices</c>/<c>setup_fees</c> maps.
/// </summary>
internal static class AmountPositions
{
    private static readonly string[] s_requestTypeSuffixes = { "Request", "Options", "Form", "Payload", "Message", "Command", "Body", "Params", "Parameters", "Dto" };

    /// <summary>
    /// True when <paramref name="value"/> is stored or passed where an amount of <paramref name="targetType"/>
    /// (string for text, decimal for numbers) is expected.
    /// </summary>
    public static bool TryGet(IOperation value, SpecialType targetType, KnownTypes types, out AmountPosition position)
    {
        position = default;
        var parent = value.ParentSkippingConversions(out var child);
        switch (parent)
        {
            case IArgumentOperation argument:
                return TryGetFromArgument(argument, targetType, types, out position);

            case ITupleOperation { Elements.Length: 2 } tuple when targetType == SpecialType.System_String && ReferenceEquals(tuple.Elements[1], child):
                return TryGetFromKey(tuple.Elements[0], out position);

            case ISimpleAssignmentOperation assignment when ReferenceEquals(assignment.Value, child):
                return TryGetFromTarget(assignment.Target, targetType, types, out position);

            case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }:
                return TryGetFromNamedStorage(declarator.Symbol.Name, declarator.Symbol.Type, targetType, "variable", out position);

            case IPropertyInitializerOperation initializer:
                foreach (var property in initializer.InitializedProperties)
                {
                    if (IsAmountMember(property, property.Type, targetType, types, out position))
                    {
                        return true;
                    }
                }

                return false;

            case IFieldInitializerOperation initializer:
                foreach (var field in initializer.InitializedFields)
                {
                    if (IsAmountMember(field, field.Type, targetType, types, out position))
                    {
                        return true;
                    }
                }

                return false;

            default:
                return false;
        }
    }

    private static bool TryGetFromArgument(IArgumentOperation argument, SpecialType targetType, KnownTypes types, out AmountPosition position)
    {
        position = default;
        var parameter = argument.Parameter;
        if (parameter is null)
        {
            return false;
        }

        if (argument.Parent is IInvocationOperation invocation)
        {
            var method = invocation.TargetMethod;
            if (targetType == SpecialType.System_String
                && KnownTypes.Is(method.ContainingType, types.Amount)
                && method.Name is "Parse" or "TryParse"
                && parameter.Ordinal == 0)
            {
                position = new AmountPosition("Amount." + method.Name, allowsNegative: false);
                return true;
            }

            if (targetType == SpecialType.System_Decimal
                && KnownTypes.Is(method.ContainingType, types.Amount)
                && method.Name == "FromDecimal")
            {
                position = new AmountPosition("Amount.FromDecimal", allowsNegative: false);
                return true;
            }

            if (targetType == SpecialType.System_String && method.Parameters.Length == 2 && parameter.Ordinal == 1)
            {
                var isPairFactory = method.Name == "Create" && KnownTypes.Is(method.ContainingType, types.KeyValuePair);
                var isDictionaryAdd = method.Name is "Add" or "TryAdd" && !method.IsStatic;
                if (isPairFactory || isDictionaryAdd)
                {
                    var key = invocation.Arguments.GetArgument(0);
                    if (key is not null && TryGetFromKey(key.Value, out position))
                    {
                        return true;
                    }

                    if (isDictionaryAdd && invocation.Instance is { } dictionary && IsAmountCollection(dictionary))
                    {
                        position = new AmountPosition("prices/setup_fees value", allowsNegative: false);
                        return true;
                    }

                    return false;
                }
            }
        }

        if (argument.Parent is IObjectCreationOperation creation
            && targetType == SpecialType.System_String
            && KnownTypes.Is(creation.Type, types.KeyValuePairOfT)
            && parameter.Ordinal == 1)
        {
            var key = creation.Arguments.GetArgument(0);
            return key is not null && TryGetFromKey(key.Value, out position);
        }

        return TryGetFromNamedStorage(parameter.Name, parameter.Type, targetType, "parameter", out position);
    }

    private static bool TryGetFromTarget(IOperation target, SpecialType targetType, KnownTypes types, out AmountPosition position)
    {
        position = default;
        switch (target)
        {
            case IPropertyReferenceOperation { Property.IsIndexer: true } indexer when targetType == SpecialType.System_String:
                if (indexer.Arguments.Length == 1 && TryGetFromKey(indexer.Arguments[0].Value, out position))
                {
                    return true;
                }

                if (indexer.Instance is { } dictionary && IsAmountCollection(dictionary))
                {
                    position = new AmountPosition("prices/setup_fees value", allowsNegative: false);
                    return true;
                }

                return false;

            case IPropertyReferenceOperation property:
                return IsAmountMember(property.Property, property.Property.Type, targetType, types, out position);

            case IFieldReferenceOperation field:
                return IsAmountMember(field.Field, field.Field.Type, targetType, types, out position);

            case ILocalReferenceOperation local:
                return TryGetFromNamedStorage(local.Local.Name, local.Local.Type, targetType, "variable", out position);

            default:
                return false;
        }
    }

    private static bool TryGetFromKey(IOperation key, out AmountPosition position)
    {
        if (key.TryGetConstantString(out var text) && AmountNames.IsFormAmountKey(text))
        {
            position = new AmountPosition("form field '" + text + "'", AmountNames.AllowsNegative(text));
            return true;
        }

        position = default;
        return false;
    }

    private static bool TryGetFromNamedStorage(string name, ITypeSymbol type, SpecialType targetType, string kind, out AmountPosition position)
    {
        if (type.SpecialType == targetType && AmountNames.IsAmountName(name))
        {
            position = new AmountPosition(kind + " '" + name + "'", AmountNames.AllowsNegative(name));
            return true;
        }

        position = default;
        return false;
    }

    /// <summary>
    /// Properties and fields count by name only on types that are plainly requests or messages; a view model's
    /// <c>Price</c> label is somebody else's business. A wire name attribute (<c>[JsonPropertyName("amount")]</c>) always counts.
    /// </summary>
    private static bool IsAmountMember(ISymbol member, ITypeSymbol memberType, SpecialType targetType, KnownTypes types, out AmountPosition position)
    {
        position = default;

        // Requests carry amounts per instance; a static or const "AddDebt" is a name for something else.
        if (memberType.SpecialType != targetType || member.IsStatic)
        {
            return false;
        }

        var wireName = GetWireName(member);
        if (wireName is not null)
        {
            if (!AmountNames.IsFormAmountKey(wireName))
            {
                return false;
            }

            position = new AmountPosition("field '" + wireName + "'", AmountNames.AllowsNegative(wireName));
            return true;
        }

        if (!AmountNames.IsAmountName(member.Name) || !IsRequestLike(member.ContainingType, types))
        {
            return false;
        }

        position = new AmountPosition((member.Kind == SymbolKind.Field ? "field '" : "property '") + member.Name + "'", AmountNames.AllowsNegative(member.Name));
        return true;
    }

    private static string? GetWireName(ISymbol member)
    {
        foreach (var attribute in member.GetAttributes())
        {
            var name = attribute.AttributeClass?.Name;
            if (name is "JsonPropertyNameAttribute" or "JsonPropertyAttribute" or "DataMemberAttribute" or "FromFormAttribute")
            {
                if (attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is string positional)
                {
                    return positional;
                }

                foreach (var named in attribute.NamedArguments)
                {
                    if (named.Key is "Name" or "PropertyName" && named.Value.Value is string text)
                    {
                        return text;
                    }
                }
            }
        }

        return null;
    }

    private static bool IsRequestLike(INamedTypeSymbol? type, KnownTypes types)
    {
        if (type is null)
        {
            return false;
        }

        if (type.IsAnonymousType)
        {
            return true;
        }

        var ns = type.ContainingNamespace?.ToDisplayString() ?? string.Empty;
        if (ns == "NordeaConnect" || ns.StartsWith("NordeaConnect.", StringComparison.Ordinal))
        {
            return true;
        }

        if (types.ProtobufMessage is not null)
        {
            foreach (var implemented in type.AllInterfaces)
            {
                if (SymbolEqualityComparer.Default.Equals(implemented, types.ProtobufMessage))
                {
                    return true;
                }
            }
        }

        foreach (var suffix in s_requestTypeSuffixes)
        {
            if (type.Name.EndsWith(suffix, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A dictionary that is a plan's <c>prices</c> or <c>setup_fees</c>: named so, or being initialised into something named so.</summary>
    private static bool IsAmountCollection(IOperation dictionary)
    {
        var name = dictionary.GetReferencedName();
        if (name is not null)
        {
            return AmountNames.IsAmountCollectionName(name);
        }

        if (dictionary is not IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ImplicitReceiver })
        {
            return false;
        }

        IOperation? current = dictionary.Parent;
        while (current is not null and not IObjectCreationOperation)
        {
            current = current.Parent;
        }

        if (current is null)
        {
            return false;
        }

        var holder = current.ParentSkippingConversions(out var created);
        var holderName = holder switch
        {
            ISimpleAssignmentOperation assignment when ReferenceEquals(assignment.Value, created) => assignment.Target.GetReferencedName(),
            IArgumentOperation argument => argument.Parameter?.Name,
            IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } => declarator.Symbol.Name,
            IPropertyInitializerOperation initializer when initializer.InitializedProperties.Length == 1 => initializer.InitializedProperties[0].Name,
            _ => null,
        };

        return holderName is not null && AmountNames.IsAmountCollectionName(IdentifierWords.Normalize(holderName));
    }
}
