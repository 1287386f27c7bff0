using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace NordeaConnect.Analyzers.Hashes;

/// <summary>
/// Where a value comes from inside one member body: through conversions, renderings (<c>ToString</c>, <c>ToLower</c>,
/// <c>string.Format</c> of one item, a one-argument conversion method), <c>await</c>, and locals assigned once. Two
/// values with the same origin are the same value, whatever they are called.
/// </summary>
internal static class ValueFlow
{
    private const int MaxHops = 6;

    /// <summary>The value under renderings and single-assignment locals, and every name it passed through on the way.</summary>
    public static IOperation Origin(IOperation operation, KnownTypes types, List<string>? names = null)
    {
        var current = HashRoles.StripRendering(operation, types);
        for (var hop = 0; hop < MaxHops; hop++)
        {
            switch (current)
            {
                case IAwaitOperation awaited:
                    current = HashRoles.StripRendering(awaited.Operation, types);
                    continue;

                case ILocalReferenceOperation local when SingleValue(local) is { } initializer:
                    names?.Add(local.Local.Name);
                    current = HashRoles.StripRendering(initializer, types);
                    continue;

                case IParenthesizedOperation parenthesized:
                    current = parenthesized.Operand;
                    continue;
            }

            break;
        }

        if (names is not null && current.GetReferencedName() is { } last)
        {
            names.Add(last);
        }

        return current;
    }

    /// <summary>
    /// A text that is equal for two origins that are provably the same value: the same local, parameter, field or
    /// property path, or the same expression written the same way.
    /// </summary>
    public static string Key(IOperation origin)
    {
        switch (origin.WithoutConversions())
        {
            case ILocalReferenceOperation local:
                return "local " + local.Local.Name + "@" + local.Local.Locations.FirstOrDefaultStart();
            case IParameterReferenceOperation parameter:
                return "parameter " + parameter.Parameter.Name;
            case IFieldReferenceOperation field:
                return (field.Instance is null ? field.Field.ContainingType?.Name : Key(field.Instance)) + "." + field.Field.Name;
            case IPropertyReferenceOperation { Property.IsIndexer: false } property:
                return (property.Instance is null ? property.Property.ContainingType?.Name : Key(property.Instance)) + "." + property.Property.Name;
            case IInstanceReferenceOperation:
                return "this";
            default:
                return "expression " + SentRequestValues.Normalized(origin);
        }
    }

    /// <summary>True when <paramref name="whole"/> is built from <paramref name="part"/> and something more (a prefix, a subtraction).</summary>
    public static bool IsBuiltFrom(IOperation whole, string partKey, KnownTypes types)
    {
        var value = whole.WithoutConversions();
        var combines = value is IBinaryOperation or IInterpolatedStringOperation
            || value is IInvocationOperation { TargetMethod: { IsStatic: true, Name: "Concat" or "Format" or "Join", ContainingType.SpecialType: SpecialType.System_String } };
        if (!combines)
        {
            return false;
        }

        foreach (var operation in value.DescendantsAndSelf())
        {
            if (!ReferenceEquals(operation, value)
                && operation is ILocalReferenceOperation or IParameterReferenceOperation or IFieldReferenceOperation or IPropertyReferenceOperation
                && Key(Origin(operation, types)) == partKey)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The one value a local ever holds: its initializer, when nothing assigns it again.</summary>
    public static IOperation? SingleValue(ILocalReferenceOperation reference)
    {
        IOperation? initializer = null;
        foreach (var operation in reference.GetRoot().DescendantsAndSelf())
        {
            switch (operation)
            {
                case IVariableDeclaratorOperation declarator when SymbolEqualityComparer.Default.Equals(declarator.Symbol, reference.Local):
                    initializer = declarator.GetVariableInitializer()?.Value;
                    if (initializer is null)
                    {
                        return null;
                    }

                    break;

                case IAssignmentOperation { Target: ILocalReferenceOperation target } when SymbolEqualityComparer.Default.Equals(target.Local, reference.Local):
                    return null;
                case IDeconstructionAssignmentOperation:
                    break;
            }
        }

        return initializer;
    }

    private static string FirstOrDefaultStart(this System.Collections.Immutable.ImmutableArray<Location> locations) =>
        locations.Length == 0 ? "?" : locations[0].SourceSpan.Start.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
