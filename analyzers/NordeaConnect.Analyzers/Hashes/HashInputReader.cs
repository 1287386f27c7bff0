using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using NordeaConnect.Analyzers.Amounts;

namespace NordeaConnect.Analyzers.Hashes;

/// <summary>
/// Takes apart the text a hash is computed over into the pieces it was glued from: <c>+</c>, interpolation,
/// <c>string.Concat</c>, <c>string.Join("", ...)</c>, a <c>StringBuilder</c>, and locals built from any of these.
/// </summary>
internal static class HashInputReader
{
    private const int MaxDepth = 4;

    public static List<IOperation> ReadPieces(IOperation text, KnownTypes types)
    {
        var pieces = new List<IOperation>();
        Read(text, types, pieces, depth: 0);
        return pieces;
    }

    private static void Read(IOperation operation, KnownTypes types, List<IOperation> pieces, int depth)
    {
        var value = operation.WithoutConversions();
        if (value.TryGetConstantString(out var constant) && constant.Length == 0)
        {
            return;
        }

        switch (value)
        {
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add, Type.SpecialType: SpecialType.System_String } concatenation
                when !concatenation.ConstantValue.HasValue:
                Read(concatenation.LeftOperand, types, pieces, depth);
                Read(concatenation.RightOperand, types, pieces, depth);
                return;

            case IInterpolatedStringOperation interpolated:
                foreach (var content in interpolated.Parts)
                {
                    if (content is IInterpolationOperation hole)
                    {
                        pieces.Add(hole.Expression);
                    }
                    else if (content is IInterpolatedStringTextOperation { Text: { } text } && text.TryGetConstantString(out var segment) && segment.Length > 0)
                    {
                        pieces.Add(text);
                    }
                }

                return;

            case IInvocationOperation invocation when IsConcat(invocation):
                foreach (var argument in NumberFormatting.ExpandArguments(invocation))
                {
                    Read(argument, types, pieces, depth);
                }

                return;

            case IInvocationOperation invocation when IsJoinWithoutSeparator(invocation):
                foreach (var argument in NumberFormatting.ExpandArguments(invocation).Skip(1))
                {
                    Read(argument, types, pieces, depth);
                }

                return;

            case IInvocationOperation { TargetMethod.Name: "ToString", Arguments.Length: 0, Instance: ILocalReferenceOperation builder }
                when KnownTypes.Is(builder.Type, types.StringBuilder) && depth < MaxDepth:
                ReadBuilder(builder.Local, value.GetRoot(), types, pieces, depth + 1);
                return;

            case ILocalReferenceOperation { Type.SpecialType: SpecialType.System_String } local when depth < MaxDepth && TryReadLocal(local, types, pieces, depth + 1):
                return;

            default:
                pieces.Add(value);
                return;
        }
    }

    /// <summary>A string local built up before it is hashed: <c>var raw = a + b; raw += c;</c>.</summary>
    private static bool TryReadLocal(ILocalReferenceOperation reference, KnownTypes types, List<IOperation> pieces, int depth)
    {
        var writes = new List<IOperation>();
        foreach (var operation in reference.GetRoot().DescendantsAndSelf())
        {
            switch (operation)
            {
                case IVariableDeclaratorOperation declarator when SymbolEqualityComparer.Default.Equals(declarator.Symbol, reference.Local):
                    if (declarator.GetVariableInitializer() is not { } initializer)
                    {
                        return false;
                    }

                    writes.Add(initializer.Value);
                    break;

                case ICompoundAssignmentOperation { OperatorKind: BinaryOperatorKind.Add, Target: ILocalReferenceOperation target } compound
                    when SymbolEqualityComparer.Default.Equals(target.Local, reference.Local):
                    writes.Add(compound.Value);
                    break;

                case ISimpleAssignmentOperation { Target: ILocalReferenceOperation target }
                    when SymbolEqualityComparer.Default.Equals(target.Local, reference.Local):
                    // Reassigned: which value reaches the hash depends on control flow; leave it alone.
                    return false;
            }
        }

        if (writes.Count == 0)
        {
            return false;
        }

        foreach (var write in writes)
        {
            Read(write, types, pieces, depth);
        }

        return true;
    }

    private static void ReadBuilder(ILocalSymbol builder, IOperation root, KnownTypes types, List<IOperation> pieces, int depth)
    {
        var appended = new List<IOperation>();
        foreach (var operation in root.DescendantsAndSelf())
        {
            if (operation is IVariableDeclaratorOperation declarator
                && SymbolEqualityComparer.Default.Equals(declarator.Symbol, builder)
                && declarator.GetVariableInitializer()?.Value.WithoutConversions() is IObjectCreationOperation creation)
            {
                foreach (var argument in creation.Arguments)
                {
                    if (argument.Value.Type?.SpecialType == SpecialType.System_String)
                    {
                        appended.Add(argument.Value);
                    }
                }
            }

            if (operation is IInvocationOperation { TargetMethod.Name: "Append", Arguments.Length: 1 } append && RootsAt(append.Instance, builder))
            {
                appended.Add(append.Arguments[0].Value);
            }
        }

        foreach (var value in appended.OrderBy(v => v.Syntax.SpanStart))
        {
            Read(value, types, pieces, depth);
        }
    }

    private static bool RootsAt(IOperation? receiver, ILocalSymbol builder)
    {
        while (receiver is IInvocationOperation { TargetMethod.Name: "Append" } chained)
        {
            receiver = chained.Instance;
        }

        return receiver is ILocalReferenceOperation local && SymbolEqualityComparer.Default.Equals(local.Local, builder);
    }

    private static bool IsConcat(IInvocationOperation invocation) =>
        invocation.TargetMethod is { Name: "Concat", IsStatic: true, ContainingType.SpecialType: SpecialType.System_String };

    private static bool IsJoinWithoutSeparator(IInvocationOperation invocation) =>
        invocation.TargetMethod is { Name: "Join", IsStatic: true, ContainingType.SpecialType: SpecialType.System_String }
        && invocation.Arguments.Length >= 1
        && invocation.Arguments[0].Value.TryGetConstantString(out var separator)
        && separator.Length == 0;
}
