using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace NordeaConnect.Analyzers.Hashes;

/// <summary>
/// The values a method sends for the hashed fields: form pairs (<c>new KeyValuePair("amount", x)</c>, dictionary
/// entries, tuples) and request-object members (<c>new { amount = x }</c>, <c>new CreateRequest { Amount = x }</c>).
/// A field sent twice with different values is ambiguous and dropped.
/// </summary>
internal sealed class SentRequestValues
{
    private readonly Dictionary<HashRole, IOperation> _values;
    private readonly Dictionary<string, HashRole> _roleByOrigin;
    private readonly Dictionary<string, HashRole> _roleByConstant;

    private SentRequestValues(Dictionary<HashRole, IOperation> values, Dictionary<string, HashRole> roleByOrigin, Dictionary<string, HashRole> roleByConstant)
    {
        _values = values;
        _roleByOrigin = roleByOrigin;
        _roleByConstant = roleByConstant;
    }

    /// <summary>The field that a value with this origin (<see cref="ValueFlow.Key"/>) fills in the request, if exactly one.</summary>
    public HashRole RoleOf(string originKey) => _roleByOrigin.TryGetValue(originKey, out var role) ? role : HashRole.Unknown;

    /// <summary>The field that this constant text fills in the request, if exactly one.</summary>
    public HashRole RoleOfConstant(string text) => _roleByConstant.TryGetValue(text, out var role) ? role : HashRole.Unknown;

    public bool TryGet(HashRole role, out IOperation value) => _values.TryGetValue(role, out value!);

    /// <summary>
    /// True unless the method visibly sends a customer_ref: a request without one hashes it as empty text, and where the
    /// request cannot be seen (a signing helper) nobody can say that one is sent.
    /// </summary>
    public bool SendsWithoutCustomerRef => !_values.ContainsKey(HashRole.CustomerRef);

    public static SentRequestValues Collect(IOperation root, KnownTypes types)
    {
        var values = new Dictionary<HashRole, IOperation>();
        var ambiguous = new HashSet<HashRole>();
        var byOrigin = new Dictionary<string, HashRole>();
        var byConstant = new Dictionary<string, HashRole>(StringComparer.OrdinalIgnoreCase);
        foreach (var operation in root.DescendantsAndSelf())
        {
            if (!TryReadSent(operation, types, out var name, out var value))
            {
                continue;
            }

            var role = HashRoles.FromSentName(name);
            if (role == HashRole.Unknown)
            {
                continue;
            }

            var origin = ValueFlow.Origin(value, types);
            if (origin.WithoutConversions().ConstantValue is { HasValue: true } constant && ConstantText(constant.Value) is { } text)
            {
                Remember(byConstant, text, role);
            }
            else
            {
                Remember(byOrigin, ValueFlow.Key(origin), role);
            }

            if (ambiguous.Contains(role))
            {
                continue;
            }

            if (values.TryGetValue(role, out var existing) && !SameText(existing, value))
            {
                values.Remove(role);
                ambiguous.Add(role);
                continue;
            }

            values[role] = value;
        }

        foreach (var (key, value, constant) in Amounts.FormBody.ReadPairs(root, types))
        {
            var role = HashRoles.FromSentName(key);
            if (role == HashRole.Unknown)
            {
                continue;
            }

            if (constant is not null)
            {
                Remember(byConstant, constant, role);
            }
            else if (value is not null)
            {
                var origin = ValueFlow.Origin(value, types);
                if (origin.WithoutConversions().ConstantValue is { HasValue: true } known && ConstantText(known.Value) is { } text)
                {
                    Remember(byConstant, text, role);
                }
                else
                {
                    Remember(byOrigin, ValueFlow.Key(origin), role);
                }
            }
        }

        return new SentRequestValues(values, byOrigin, byConstant);
    }

    /// <summary>One value filling two fields says nothing about which one a hash piece is.</summary>
    private static void Remember(Dictionary<string, HashRole> map, string key, HashRole role)
    {
        if (map.TryGetValue(key, out var existing) && existing != role)
        {
            map[key] = HashRole.Unknown;
            return;
        }

        map[key] = role;
    }

    private static bool TryReadSent(IOperation operation, KnownTypes types, out string name, out IOperation value)
    {
        name = string.Empty;
        value = null!;
        switch (operation)
        {
            case IObjectCreationOperation creation when KnownTypes.Is(creation.Type, types.KeyValuePairOfT) && creation.Arguments.Length == 2:
                return TryPair(creation.Arguments.GetArgument(0)?.Value, creation.Arguments.GetArgument(1)?.Value, out name, out value);

            case IInvocationOperation invocation when invocation.Arguments.Length == 2
                && (invocation.TargetMethod.Name is "Add" or "TryAdd" || (invocation.TargetMethod.Name == "Create" && KnownTypes.Is(invocation.TargetMethod.ContainingType, types.KeyValuePair))):
                return TryPair(invocation.Arguments.GetArgument(0)?.Value, invocation.Arguments.GetArgument(1)?.Value, out name, out value);

            case ITupleOperation { Elements.Length: 2 } tuple:
                return TryPair(tuple.Elements[0], tuple.Elements[1], out name, out value);

            case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.IsIndexer: true, Arguments.Length: 1 } indexer } assignment:
                return TryPair(indexer.Arguments[0].Value, assignment.Value, out name, out value);

            case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Instance: IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ImplicitReceiver } } property } assignment:
                name = property.Property.Name;
                value = assignment.Value;
                return true;

            case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation property } assignment when property.Property.ContainingType.IsAnonymousType:
                name = property.Property.Name;
                value = assignment.Value;
                return true;

            default:
                return false;
        }
    }

    private static bool TryPair(IOperation? key, IOperation? value, out string name, out IOperation sent)
    {
        name = string.Empty;
        sent = null!;
        if (key is null || value is null || !key.TryGetConstantString(out name))
        {
            return false;
        }

        sent = value;
        return true;
    }

    /// <summary>Same constant text, or the same expression written the same way.</summary>
    public static bool SameText(IOperation left, IOperation right)
    {
        var leftConstant = left.WithoutConversions().ConstantValue;
        var rightConstant = right.WithoutConversions().ConstantValue;
        if (leftConstant.HasValue && rightConstant.HasValue)
        {
            return string.Equals(ConstantText(leftConstant.Value), ConstantText(rightConstant.Value), StringComparison.Ordinal);
        }

        return Normalized(left) == Normalized(right);
    }

    public static string? ConstantText(object? value) => value switch
    {
        bool flag => flag ? "true" : "false",
        IFormattable formattable => formattable.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => value?.ToString(),
    };

    public static string Normalized(IOperation operation)
    {
        var text = operation.WithoutConversions().Syntax.ToString();
        var builder = new System.Text.StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (!char.IsWhiteSpace(c))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
