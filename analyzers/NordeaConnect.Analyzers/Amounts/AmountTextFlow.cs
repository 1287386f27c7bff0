using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace NordeaConnect.Analyzers.Amounts;

/// <summary>
/// Decides whether a piece of text ends up in an amount position: directly, or through one local variable
/// (<c>var text = amount.ToString(); form.Add(new("amount", text));</c>).
/// </summary>
internal static class AmountTextFlow
{
    public static bool TryGetPosition(IOperation text, KnownTypes types, out AmountPosition position) =>
        TryGetPosition(TextExpressions.GetWholeText(text), wholeOnly: false, types, out position);

    /// <summary>Like <see cref="TryGetPosition(IOperation, KnownTypes, out AmountPosition)"/> for a value that must be the whole text itself, not a piece of it.</summary>
    public static bool TryGetPositionOfWhole(IOperation text, KnownTypes types, out AmountPosition position) =>
        TryGetPosition(text, wholeOnly: true, types, out position);

    private static bool TryGetPosition(IOperation whole, bool wholeOnly, KnownTypes types, out AmountPosition position)
    {
        if (AmountPositions.TryGet(whole, SpecialType.System_String, types, out position))
        {
            return true;
        }

        var local = GetAssignedLocal(whole);
        if (local is null)
        {
            return false;
        }

        foreach (var reference in FindReferences(whole.GetRoot(), local))
        {
            var usage = wholeOnly ? reference : TextExpressions.GetWholeText(reference);
            if (AmountPositions.TryGet(usage, SpecialType.System_String, types, out position))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The local a value is stored in, by declaration or plain assignment.</summary>
    public static ILocalSymbol? GetAssignedLocal(IOperation value)
    {
        var parent = value.ParentSkippingConversions(out var child);
        return parent switch
        {
            IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } => declarator.Symbol,
            ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } assignment when ReferenceEquals(assignment.Value, child) => target.Local,
            _ => null,
        };
    }

    public static IEnumerable<ILocalReferenceOperation> FindReferences(IOperation root, ILocalSymbol local)
    {
        foreach (var operation in root.DescendantsAndSelf())
        {
            if (operation is ILocalReferenceOperation reference
                && SymbolEqualityComparer.Default.Equals(reference.Local, local)
                && !(reference.Parent is ISimpleAssignmentOperation assignment && ReferenceEquals(assignment.Target, reference)))
            {
                yield return reference;
            }
        }
    }
}
